package org.minsheng.understanding.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minsheng.category.Categories;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.nlp.LabeledText;
import org.minsheng.nlp.RiskModel;
import org.minsheng.workorder.ClosedOrderExamples;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The examples a model of each kind learns from: the imported ones with that label; for the
 * category and department models the center's own closed orders of the last year (their level-1
 * category; the department that finally handled them, never one that returned them); for the risk
 * model the shipped sentences as well.
 */
@Component
class TrainingSet {

	private final JdbcTemplate jdbc;

	private final ClosedOrderExamples closed;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final Clock clock;

	private final Duration window;

	private final int limit;

	TrainingSet(JdbcTemplate jdbc, ClosedOrderExamples closed, Categories categories, DepartmentDirectory directory,
			Clock clock, @Value("${minsheng.nlp.order-examples-window:365d}") Duration window,
			@Value("${minsheng.nlp.order-examples-limit:50000}") int limit) {
		this.jdbc = jdbc;
		this.closed = closed;
		this.categories = categories;
		this.directory = directory;
		this.clock = clock;
		this.window = window;
		this.limit = limit;
	}

	/** The examples and how many came from closed orders. */
	record Examples(List<LabeledText> all, int fromOrders) {
	}

	Examples examples(ModelKind kind) {
		var column = switch (kind) {
			case CATEGORY, SUBCATEGORY -> "category";
			case DEPARTMENT -> "department";
			case EMOTION -> "emotion";
			case RISK -> "risk";
		};
		var out = new ArrayList<LabeledText>();
		jdbc.query("select title, detail, " + column + " from nlp_example where " + column + " is not null", rs -> {
			var label = label(kind, rs.getString(3));
			if (label != null) out.add(new LabeledText(UnderstandingService.text(rs.getString(1), rs.getString(2)), label));
		});
		int imported = out.size();
		if (kind == ModelKind.RISK) {
			// the center's model never knows less than the shipped one
			out.addAll(RiskModel.shippedSentences());
			return new Examples(List.copyOf(out), 0);
		}
		if (kind != ModelKind.EMOTION) {
			// closed orders: their category (first level, or first two) or the department that finally handled them
			var orders = closed.closedSince(OffsetDateTime.now(clock).minus(window), limit);
			var names = kind == ModelKind.DEPARTMENT
					? directory.names(orders.stream().map(o -> o.handledBy().value()).distinct().toList())
					: Map.<Long, String>of();
			for (var o : orders) {
				var label = kind == ModelKind.CATEGORY ? topCategory(o.categoryId())
						: kind == ModelKind.SUBCATEGORY ? secondLevel(o.categoryId())
						: Optional.ofNullable(names.get(o.handledBy().value())).map(n -> departmentLabel(n, o.handledBy()));
				label.ifPresent(l -> out.add(new LabeledText(UnderstandingService.text(o.title(), o.content()), l)));
			}
		}
		return new Examples(List.copyOf(out), out.size() - imported);
	}

	/**
	 * An imported label as the kind reads it: a category may be a path ({@code 城乡建设/物业管理}, also
	 * with {@code >} or {@code ／}); the category model reads its first level, the subcategory model
	 * its first two (null when it has one only).
	 */
	static String label(ModelKind kind, String value) {
		if (value == null || value.isBlank()) return null;
		if (kind != ModelKind.CATEGORY && kind != ModelKind.SUBCATEGORY) return value.strip();
		var levels = Arrays.stream(value.split("[/／>]")).map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (levels.isEmpty()) return null;
		if (kind == ModelKind.CATEGORY) return levels.getFirst();
		return levels.size() < 2 ? null : levels.get(0) + "/" + levels.get(1);
	}

	private Optional<String> secondLevel(Long categoryId) {
		if (categoryId == null) return Optional.empty();
		var lineage = categories.lineage(categoryId);
		return lineage.size() < 2 ? Optional.empty() : Optional.of(lineage.get(0).name() + "/" + lineage.get(1).name());
	}

	private Optional<String> topCategory(Long categoryId) {
		if (categoryId == null) return Optional.empty();
		var lineage = categories.lineage(categoryId);
		return lineage.isEmpty() ? Optional.empty() : Optional.of(lineage.getFirst().name());
	}

	/** A department's name, with its id after {@code #} when another department has the same name (城管科). */
	private String departmentLabel(String name, DepartmentId id) {
		return directory.named(name).size() > 1 ? name + "#" + id.value() : name;
	}

	/** The department a label names: by {@code name#id}, or a name only one department has. */
	Optional<DepartmentId> department(String label) {
		int hash = label.lastIndexOf('#');
		if (hash > 0) {
			try {
				var id = new DepartmentId(Long.parseLong(label.substring(hash + 1)));
				return directory.get(id).map(d -> id);
			}
			catch (NumberFormatException e) {
				// a name with # in it
			}
		}
		var named = directory.named(label);
		return named.size() == 1 ? Optional.of(named.getFirst().id()) : Optional.empty();
	}
}
