package org.minsheng.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minsheng.audit.AuditSource;
import org.minsheng.identity.Departments;
import org.minsheng.identity.RunAs;
import org.minsheng.knowledge.ArticleQuery;
import org.minsheng.knowledge.ArticleRecord;
import org.minsheng.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Fills an empty knowledge base for the demo city 深圳: the Guangdong service guides (办事指南,
 * public data for the province) and a hotline FAQ written for Shenzhen (常见问答), published for
 * the center through the import API. See {@code data/knowledge/README.md} for sources and
 * licences; the Taipei City FAQ stays a benchmark set (read from {@code ../shared/data}), not
 * demo content.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve", matchIfMissing = true)
@Order(20)
class DemoKnowledge implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

	private final KnowledgeBase knowledge;

	private final Departments departments;

	private final RunAs runAs;

	DemoKnowledge(KnowledgeBase knowledge, Departments departments, RunAs runAs) {
		this.knowledge = knowledge;
		this.departments = departments;
		this.runAs = runAs;
	}

	@Override
	public void run(ApplicationArguments args) {
		AuditSource.during(DemoCity.SOURCE, () -> seed());
	}

	private Object seed() {
		return runAs.asUser("supervisor01", () -> {
			if (knowledge.list(new ArticleQuery(null, null, null, null, null, 0, 1)).total() > 0) {
				return null;
			}
			var center = Long.toString(departments.visible().getFirst().id().value());
			var articles = new ArrayList<ArticleRecord>();
			articles.addAll(guides(center));
			articles.addAll(faq(center));
			articles.addAll(replyTemplates(center));
			var report = knowledge.importArticles(articles, true);
			log.warn("演示知识库 Demo knowledge base: {} articles published ({} rejected)", report.published(),
					report.errors().size());
			return null;
		});
	}

	static List<ArticleRecord> guides(String center) {
		var out = new ArrayList<ArticleRecord>();
		for (var row : rows("data/knowledge/gd_service_matters.csv")) {
			var name = row.getOrDefault("matter_name", "").strip();
			if (name.isEmpty()) {
				continue;
			}
			var body = new StringBuilder();
			paragraph(body, "实施部门", row.get("dept"));
			paragraph(body, "事项类型", row.get("matter_type"));
			paragraph(body, "服务对象", row.get("service_object") == null ? null : row.get("service_object").replace('|', '、'));
			paragraph(body, "办理地点", row.get("handle_location") == null ? null
					: row.get("handle_location").replaceFirst("^办理地点：", ""));
			paragraph(body, "办理时限", row.get("handle_time_limit"));
			paragraph(body, "受理标准", row.get("accept_standard"));
			paragraph(body, "申请材料", row.get("material_intro"));
			paragraph(body, "咨询电话", row.get("consult_phone"));
			out.add(new ArticleRecord("gd-" + row.get("task_code"), "GUIDE", cut(name, 300), body.toString(), center,
					List.of(), List.of("44"), tags(row.get("theme_category"), "广东政务服务事项"), null, null, null));
		}
		return out;
	}

	/**
	 * The demo city's hotline FAQ (深圳): what callers ask most, answered with the channels a
	 * Shenzhen citizen uses; written for the demo, each answer naming the department that decides.
	 */
	static List<ArticleRecord> faq(String center) {
		var out = new ArrayList<ArticleRecord>();
		for (var row : rows("data/knowledge/shenzhen-faq.csv")) {
			var question = row.getOrDefault("question", "").strip();
			var answer = row.getOrDefault("answer", "").strip();
			if (question.isEmpty() || answer.isEmpty()) {
				continue;
			}
			var questions = new ArrayList<String>();
			questions.add(cut(question, 500));
			for (var also : row.getOrDefault("also_asked", "").split("\\|")) {
				if (!also.isBlank()) questions.add(cut(also.strip(), 500));
			}
			var body = new StringBuilder();
			paragraph(body, null, answer);
			paragraph(body, "主管部门", row.get("department"));
			paragraph(body, null, "（演示内容，办理条件和渠道以主管部门最新公布为准。）");
			out.add(new ArticleRecord(row.get("id"), "FAQ", cut(question, 300), body.toString(), center, questions,
					List.of("4403"), tags(row.getOrDefault("tags", "").split("\\|")), null, null, null));
		}
		return out;
	}

	/** Reply templates (话术模板) for the departments' 办结答复, with the order's facts as placeholders. */
	static List<ArticleRecord> replyTemplates(String center) {
		var out = new ArrayList<ArticleRecord>();
		for (var row : rows("data/knowledge/shenzhen-reply-templates.csv")) {
			var body = new StringBuilder();
			paragraph(body, null, row.get("body"));
			out.add(new ArticleRecord(row.get("id"), "SCRIPT", cut(row.get("title").strip(), 300), body.toString(), center,
					List.of(), List.of("4403"), tags(row.getOrDefault("tags", "").split("\\|")), null, null, null));
		}
		return out;
	}

	private static List<String> tags(String... values) {
		var out = new ArrayList<String>();
		for (var v : values) {
			if (v != null && !v.isBlank() && !v.contains(",")) {
				out.add(cut(v.strip(), 50));
			}
		}
		return out;
	}

	private static void paragraph(StringBuilder body, String label, String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		body.append("<p>");
		if (label != null) {
			body.append("<strong>").append(label).append("：</strong>");
		}
		body.append(HtmlUtils.htmlEscape(text.strip())).append("</p>");
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	private static List<Map<String, String>> rows(String resource) {
		var mapper = new CsvMapper();
		try (InputStream in = new ClassPathResource(resource).getInputStream();
				MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
					.with(CsvSchema.emptySchema().withHeader())
					.readValues(in)) {
			return it.readAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
