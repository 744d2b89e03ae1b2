package org.minsheng.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minsheng.knowledge.ArticleAction.*;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.minsheng.knowledge.ArticleAction;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.platform.ConflictException;

/**
 * A knowledge article's review cycle on the aggregate alone: what each situation allows, that
 * exactly that succeeds, and that everything else is refused and changes nothing.
 */
class ArticleRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	static final ArticleContent CONTENT = new ArticleContent("社保卡补办", "携带身份证到社保网点补办。", List.of("社保卡丢了怎么办"),
			List.of(), List.of(), null, null, null);

	long ids;

	Article draft() {
		var a = Article.create(null, ArticleType.FAQ, 10);
		a.id = ++ids;
		return a;
	}

	Article submitted() {
		var a = draft();
		a.submit();
		return a;
	}

	Article published() {
		var a = submitted();
		a.approve(CONTENT, TODAY, null);
		return a;
	}

	Article publishedWithAChange() {
		var a = published();
		a.edit();
		return a;
	}

	Article retired() {
		var a = published();
		a.retire("政策已废止");
		return a;
	}

	Map<String, Supplier<Article>> situations() {
		var out = new LinkedHashMap<String, Supplier<Article>>();
		out.put("new draft", this::draft);
		out.put("in review", this::submitted);
		out.put("published", this::published);
		out.put("published with a change", this::publishedWithAChange);
		out.put("retired", this::retired);
		return out;
	}

	static final Map<String, Set<ArticleAction>> EXPECTED = Map.of(
			"new draft", EnumSet.of(EDIT, SUBMIT, ATTACH, RETIRE),
			"in review", EnumSet.of(APPROVE, SEND_BACK, ATTACH, RETIRE),
			"published", EnumSet.of(EDIT, ATTACH, RETIRE, FEEDBACK),
			"published with a change", EnumSet.of(EDIT, SUBMIT, DISCARD_DRAFT, ATTACH, RETIRE, FEEDBACK),
			"retired", EnumSet.noneOf(ArticleAction.class));

	@Test
	void eachSituationAllowsWhatTheReviewCycleSays() {
		situations().forEach((name, article) -> assertThat(article.get().allowed()).as(name)
			.containsExactlyInAnyOrderElementsOf(EXPECTED.get(name)));
	}

	/** The commands that change the article (attaching and feedback are the service's, on the same rule). */
	void take(ArticleAction action, Article a) {
		switch (action) {
			case EDIT -> a.edit();
			case SUBMIT -> a.submit();
			case DISCARD_DRAFT -> a.discardDraft();
			case APPROVE -> a.approve(CONTENT, TODAY, "同意");
			case SEND_BACK -> a.sendBack("请补充办理地点");
			case RETIRE -> a.retire("政策已废止");
			case ATTACH, FEEDBACK -> {
			}
		}
	}

	@Test
	void everyAllowedStepSucceedsAndEveryOtherIsRefusedWithoutAChange() {
		situations().forEach((name, made) -> {
			var allowed = made.get().allowed();
			for (var action : EnumSet.of(EDIT, SUBMIT, DISCARD_DRAFT, APPROVE, SEND_BACK, RETIRE)) {
				var a = made.get();
				var before = List.of(String.valueOf(a.state()), String.valueOf(a.draftVersion()),
						String.valueOf(a.draftStatus()), String.valueOf(a.publishedVersion()));
				if (allowed.contains(action)) {
					take(action, a);
				}
				else {
					assertThatThrownBy(() -> take(action, a)).as(name + ": " + action).isInstanceOf(ConflictException.class)
						.hasMessageStartingWith("知识「");
					assertThat(List.of(String.valueOf(a.state()), String.valueOf(a.draftVersion()),
							String.valueOf(a.draftStatus()), String.valueOf(a.publishedVersion())))
						.as(name + ": " + action).isEqualTo(before);
				}
			}
		});
	}

	@Test
	void anApprovedChangeBecomesTheNextPublishedVersion() {
		var a = publishedWithAChange();
		a.submit();
		assertThat(a.approve(CONTENT, TODAY, null)).isEqualTo(2);
		assertThat(a.state()).isEqualTo(ArticleState.PUBLISHED);
		assertThat(a.allowed()).contains(EDIT, FEEDBACK).doesNotContain(APPROVE, DISCARD_DRAFT);
	}
}
