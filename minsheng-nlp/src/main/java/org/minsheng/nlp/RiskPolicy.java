package org.minsheng.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A named risk rule: words that show the risk, patterns (regular expressions) for the ways it is
 * said, and exceptions that are not the risk though they look like it (「想死你们了」, 「笑死我了」,
 * 「热死了」). An exception covers a match when the two overlap: 「我笑得要死」 is not 「我……要死」.
 * Rules are data, edited by the center; none depends on a model's confidence, so no risk is lost to it.
 */
public record RiskPolicy(String name, RiskKind kind, List<String> terms, List<Pattern> patterns, List<Pattern> exceptions) {

	public RiskPolicy {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		terms = List.copyOf(terms);
		patterns = List.copyOf(patterns);
		exceptions = List.copyOf(exceptions);
		if (terms.isEmpty() && patterns.isEmpty()) throw new IllegalArgumentException("Policy " + name + " has no terms or patterns");
	}

	/** Compiles patterns given as text; a bad one is refused with its text. */
	public static RiskPolicy of(String name, RiskKind kind, List<String> terms, List<String> patterns, List<String> exceptions) {
		return new RiskPolicy(name, kind, terms.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
				compile(patterns), compile(exceptions));
	}

	private static List<Pattern> compile(List<String> texts) {
		var out = new ArrayList<Pattern>();
		for (var t : texts) {
			if (t == null || t.isBlank()) continue;
			try {
				out.add(Pattern.compile(t.strip()));
			}
			catch (PatternSyntaxException e) {
				throw new IllegalArgumentException("Not a valid pattern: " + t.strip() + " (" + e.getDescription() + ")", e);
			}
		}
		return out;
	}

	/**
	 * The first match in the text not covered by an exception. The exceptions are looked for only
	 * once something matched: most texts hold no risk word, and scanning them for exceptions cost
	 * as much as the rest.
	 */
	public Optional<RiskFlag> firstMatch(String text) {
		return firstMatch(text, null, null);
	}

	/**
	 * The same, skipping what cannot match: a term whose characters the text does not all hold, a
	 * pattern none of whose {@link Requirement needed strings} it may hold ({@code needs[i]} for
	 * pattern i, null when the pattern needs nothing known).
	 */
	Optional<RiskFlag> firstMatch(String text, TextChars chars, String[][] needs) {
		List<int[]> excepted = null;
		for (var term : terms) {
			if (chars != null && !chars.mayHold(term)) continue;
			for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
				if (excepted == null) excepted = exceptions(text);
				if (!covered(excepted, at, at + term.length())) return Optional.of(new RiskFlag(kind, name, term, at));
			}
		}
		for (int i = 0; i < patterns.size(); i++) {
			if (chars != null && needs[i] != null && !chars.mayHoldAny(needs[i])) continue;
			Matcher m = patterns.get(i).matcher(text);
			while (m.find()) {
				if (m.end() > m.start()) {
					if (excepted == null) excepted = exceptions(text);
					if (!covered(excepted, m.start(), m.end())) return Optional.of(new RiskFlag(kind, name, m.group(), m.start()));
				}
			}
		}
		return Optional.empty();
	}

	/** For each pattern the strings one of which a match holds, or null when that is not known. */
	String[][] needs() {
		var out = new String[patterns.size()][];
		for (int i = 0; i < out.length; i++) {
			var set = Requirement.of(patterns.get(i).pattern());
			if (set != null && !set.isEmpty() && set.stream().noneMatch(String::isEmpty)) out[i] = set.toArray(String[]::new);
		}
		return out;
	}

	private List<int[]> exceptions(String text) {
		var excepted = new ArrayList<int[]>();
		for (var e : exceptions) {
			Matcher m = e.matcher(text);
			while (m.find()) excepted.add(new int[] { m.start(), m.end() });
		}
		return excepted;
	}

	private static boolean covered(List<int[]> excepted, int start, int end) {
		for (var e : excepted) if (e[0] < end && start < e[1]) return true;
		return false;
	}
}
