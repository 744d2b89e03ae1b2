package org.minsheng.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.KnowledgeBase.VersionDiff;
import org.minsheng.knowledge.KnowledgeBase.VersionDiff.FieldChange;
import org.minsheng.knowledge.KnowledgeBase.VersionDiff.Line;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.DeltaType;

/** Field-by-field, line-by-line differences between two versions (java-diff-utils, Myers' algorithm). */
final class VersionDiffs {

	private VersionDiffs() {
	}

	static VersionDiff between(int from, ArticleContent a, int to, ArticleContent b) {
		var changes = new ArrayList<FieldChange>();
		field(changes, "title", List.of(a.title()), List.of(b.title()));
		field(changes, "body", SafeHtml.text(a.body()).lines().toList(), SafeHtml.text(b.body()).lines().toList());
		field(changes, "questions", a.questions(), b.questions());
		field(changes, "tags", a.tags(), b.tags());
		field(changes, "regions", a.regions(), b.regions());
		field(changes, "effectiveFrom", text(a.effectiveFrom()), text(b.effectiveFrom()));
		field(changes, "expiresAt", text(a.expiresAt()), text(b.expiresAt()));
		field(changes, "sourceUrl", text(a.sourceUrl()), text(b.sourceUrl()));
		return new VersionDiff(from, to, changes);
	}

	private static List<String> text(Object value) {
		return value == null ? List.of() : List.of(value.toString());
	}

	private static void field(List<FieldChange> out, String name, List<String> before, List<String> after) {
		if (Objects.equals(before, after)) {
			return;
		}
		var lines = new ArrayList<Line>();
		int kept = 0;
		var patch = DiffUtils.diff(before, after);
		for (var delta : patch.getDeltas()) {
			for (int i = kept; i < delta.getSource().getPosition(); i++) {
				lines.add(new Line(' ', before.get(i)));
			}
			if (delta.getType() != DeltaType.INSERT) {
				delta.getSource().getLines().forEach(l -> lines.add(new Line('-', l)));
			}
			if (delta.getType() != DeltaType.DELETE) {
				delta.getTarget().getLines().forEach(l -> lines.add(new Line('+', l)));
			}
			kept = delta.getSource().getPosition() + delta.getSource().size();
		}
		for (int i = kept; i < before.size(); i++) {
			lines.add(new Line(' ', before.get(i)));
		}
		out.add(new FieldChange(name, lines));
	}
}
