package org.minsheng.nlp;

import java.util.HashSet;
import java.util.Set;

/**
 * What a regular expression needs of a text before it can match: a set of strings at least one of
 * which every match contains ({@code (我|俺).{0,6}(想|要)(去)?死} needs 死, {@code 上(了)?热搜} needs
 * 热搜). A text holding none of them is not searched at all, which is what makes a hundred risk patterns cheap on the ordinary
 * text that holds no risk word.
 *
 * <p>The analysis is conservative: whatever it does not understand (classes with ranges or
 * negation, escapes such as {@code \s}, look-arounds, back-references) counts as needing nothing,
 * so the pattern is always run. A wrong requirement would lose a risk; a missing one only costs time.
 */
final class Requirement {

	/**
	 * Strings at least one of which every match contains ({@code 上(了)?热搜} needs 热搜, {@code
	 * (有人|把人).{0,4}受伤} needs 受伤); null when nothing can be said.
	 */
	static Set<String> of(String regex) {
		// inline flags ((?i) would make a literal match other cases) and quoting change what a literal means
		if (regex.contains("\\Q") || regex.replace("(?:", "").contains("(?")) return null;
		try {
			var parser = new Parser(regex);
			var result = parser.alternation();
			return parser.at == regex.length() ? result : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** The more selective of two needs: longer strings first (a pair of characters is rarer than one), then fewer. */
	private static Set<String> better(Set<String> a, Set<String> b) {
		if (a == null) return b;
		if (b == null) return a;
		int la = shortest(a);
		int lb = shortest(b);
		if (la != lb) return la > lb ? a : b;
		return b.size() < a.size() ? b : a;
	}

	private static int shortest(Set<String> set) {
		int min = Integer.MAX_VALUE;
		for (var s : set) min = Math.min(min, Math.min(s.length(), 2));
		return min;
	}

	private static final class Parser {

		private final String s;

		private int at;

		/** Whether the last quantifier read was there at all ({@link #quantifier} returns 1 without one too). */
		private boolean quantified;

		Parser(String s) {
			this.s = s;
		}

		/** a|b|c: every branch must need something; the union of what they need. */
		Set<String> alternation() {
			Set<String> union = new HashSet<>();
			boolean known = true;
			while (true) {
				var branch = sequence();
				if (branch == null) known = false;
				else union.addAll(branch);
				if (at < s.length() && s.charAt(at) == '|') {
					at++;
					continue;
				}
				return known ? union : null;
			}
		}

		/** abc: any element will do, the most selective is kept; a run of plain characters is one string. */
		Set<String> sequence() {
			Set<String> best = null;
			var run = new StringBuilder();
			while (at < s.length() && s.charAt(at) != '|' && s.charAt(at) != ')') {
				var atom = atom();
				int min = quantifier();
				boolean literal = atom != null && atom.size() == 1 && atom.iterator().next().length() == 1 && lastWasLiteral;
				if (literal && !quantified) {
					run.append(atom.iterator().next());
					continue;
				}
				if (!run.isEmpty()) {
					best = better(best, Set.of(run.toString()));
					run.setLength(0);
				}
				if (min > 0 && atom != null) best = better(best, atom);
			}
			if (!run.isEmpty()) best = better(best, Set.of(run.toString()));
			return best;
		}

		/** The least number of repeats the quantifier after an atom allows (1 without one). */
		int quantifier() {
			quantified = false;
			if (at >= s.length()) return 1;
			char c = s.charAt(at);
			int min;
			if (c == '?' || c == '*') {
				at++;
				min = 0;
			}
			else if (c == '+') {
				at++;
				min = 1;
			}
			else if (c == '{') {
				int close = s.indexOf('}', at);
				var body = s.substring(at + 1, close);
				var first = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
				min = Integer.parseInt(first.strip());
				at = close + 1;
			}
			else {
				return 1;
			}
			quantified = true;
			if (at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '+')) at++;
			return min;
		}

		/** Whether the last atom read was one plain character (not a class or a group of one). */
		private boolean lastWasLiteral;

		Set<String> atom() {
			lastWasLiteral = false;
			char c = s.charAt(at);
			switch (c) {
				case '(' -> {
					at++;
					boolean plain = true;
					if (at < s.length() && s.charAt(at) == '?') {
						// (?:...) is a plain group; look-arounds, named groups and flags are not understood
						plain = at + 1 < s.length() && s.charAt(at + 1) == ':';
						at += 2;
					}
					var inner = alternation();
					if (at >= s.length() || s.charAt(at) != ')') throw new IllegalArgumentException("unclosed group");
					at++;
					return plain ? inner : null;
				}
				case '[' -> {
					int close = s.indexOf(']', at + 1);
					var body = s.substring(at + 1, close);
					at = close + 1;
					if (body.isEmpty() || body.startsWith("^") || body.contains("-") || body.contains("\\") || body.contains("[")
							|| body.contains("&")) {
						return null;
					}
					var set = new HashSet<String>();
					for (char x : body.toCharArray()) set.add(String.valueOf(x));
					return set;
				}
				case '.', '^', '$' -> {
					at++;
					return null;
				}
				case '\\' -> {
					char next = s.charAt(at + 1);
					at += 2;
					// an escaped punctuation mark is itself; letters and digits name classes, anchors or references
					if (Character.isLetterOrDigit(next)) return null;
					lastWasLiteral = true;
					return Set.of(String.valueOf(next));
				}
				case '{', '}', '*', '+', '?' -> throw new IllegalArgumentException("dangling " + c);
				default -> {
					at++;
					lastWasLiteral = true;
					return Set.of(String.valueOf(c));
				}
			}
		}
	}

	private Requirement() {
	}
}
