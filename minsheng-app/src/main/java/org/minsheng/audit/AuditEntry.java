package org.minsheng.audit;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored audit entry; {@code seq} and {@code hash} are null until the entry is sealed into the chain. */
public record AuditEntry(long id, Long seq, OffsetDateTime occurredAt, String actor, String action,
		String targetType, String targetId, String source, String detail, String hash) {

	/** The kinds of record the trail names ({@code targetType}), in the inspector's words (对象类型). */
	public static final Map<String, String> TARGET_TYPES = targetTypes();

	private static Map<String, String> targetTypes() {
		var types = new LinkedHashMap<String, String>();
		types.put("work_order", "工单");
		types.put("contact_call", "通话");
		types.put("citizen", "市民");
		types.put("user", "用户");
		types.put("department", "部门");
		types.put("kb_article", "知识");
		types.put("kb_synonym", "同义词");
		types.put("kb_index", "知识索引");
		types.put("category", "分类");
		types.put("sla_rule", "时限规则");
		types.put("responsibility_rule", "权责清单");
		types.put("calendar", "工作日历");
		types.put("contact_plan", "呼叫方案");
		types.put("nlp_example", "训练样本");
		types.put("nlp_model", "文本模型");
		types.put("nlp_gazetteer", "地名表");
		types.put("nlp_risk_rules", "风险策略");
		types.put("webhook", "Webhook 订阅");
		types.put("backup", "备份");
		return Collections.unmodifiableMap(types);
	}

	/** The action in the inspector's words (动作). */
	public String actionLabel() {
		return AuditAction.labelOf(action);
	}

	/** The kind of record in the inspector's words, or as stored when the trail knows no word for it. */
	public String targetLabel() {
		return targetType == null ? "" : TARGET_TYPES.getOrDefault(targetType, targetType);
	}
}
