package org.minsheng.nlp;

import java.util.HashSet;
import java.util.Set;

/**
 * What a regular expression needs of a text before it can match: a set of strings at least one of
 * which every match contains ({@code (我|俺).{0,6}(想|要)(去)?死} needs 死, {@code 上(了)?热搜} needs
 * 热搜, {@code 不(想|愿意)活} needs 不想活 or 不愿意活). A text holding none of them is not searched at
 * all, which is what makes a hundred risk patterns cheap on the ordinary text that holds no risk word.
 *
 * <p>Parts that match one of a few fixed strings (a character, a class such as {@code [跳跃]}, a group
 * of such alternatives, any of them optional) are spelled out and joined with their neighbours, so
 * a requirement is as long, and as rare, as the pattern allows.
 *
 * <p>The analysis is conservative: whatever it does not understand (classes with ranges or
 * negation, escapes such as {@code \s}, look-arounds, back-references) counts as needing nothing,
 * so the pattern is always run. A wrong requirement would lose a risk; a missing one only costs time.
 */
final class Requirement {

	/** Spelled-out languages larger than this are not spelled out. */
	private static final int MAX_STRINGS = 512;

	/**
	 * About 400 of the commonest characters of written Chinese, most frequent first: a need of one of them
	 * screens out almost nothing.
	 */
	private static final String COMMON = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而"
			+ "能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其"
			+ "种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五"
			+ "太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各"
			+ "任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权"
			+ "往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历";

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
			return parser.at == regex.length() ? result.needs() : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * What is known of a part of a pattern: {@code exact}, every string it can match when they are few
	 * (null otherwise), and {@code needs}, strings one of which each of its matches holds (null when
	 * nothing is known).
	 */
	private record Node(Set<String> exact, Set<String> needs) {

		static final Node UNKNOWN = new Node(null, null);

		static Node exactly(Set<String> strings) {
			return new Node(strings, strings.contains("") ? null : strings);
		}
	}

	/**
	 * The more selective of two needs, by a rough count of how likely an ordinary text holds one of
	 * their strings: a common character (了, 要) almost surely, another character often, a pair
	 * seldom, three characters or more rarely.
	 */
	private static Set<String> better(Set<String> a, Set<String> b) {
		if (a == null) return b;
		if (b == null) return a;
		double ca = cost(a);
		double cb = cost(b);
		if (ca != cb) return ca < cb ? a : b;
		return b.size() < a.size() ? b : a;
	}

	private static double cost(Set<String> set) {
		double sum = 0;
		for (var s : set) {
			sum += switch (s.length()) {
				case 0 -> 1_000;
				case 1 -> COMMON.indexOf(s.charAt(0)) >= 0 ? 20 : 3;
				case 2 -> 0.1;
				default -> 0.02;
			};
		}
		return sum;
	}

	/** Every string of a followed by one of b; null when there would be too many. */
	private static Set<String> join(Set<String> a, Set<String> b) {
		if ((long) a.size() * b.size() > MAX_STRINGS) return null;
		var out = new HashSet<String>();
		for (var x : a) for (var y : b) out.add(x + y);
		return out;
	}

	private static final class Parser {

		private final String s;

		private int at;

		Parser(String s) {
			this.s = s;
		}

		/** a|b|c: the union of the branches' strings; needs only when every branch needs something. */
		Node alternation() {
			Set<String> exact = new HashSet<>();
			Set<String> needs = new HashSet<>();
			while (true) {
				var branch = sequence();
				exact = exact == null || branch.exact() == null ? null : union(exact, branch.exact());
				needs = needs == null || branch.needs() == null ? null : union(needs, branch.needs());
				if (at < s.length() && s.charAt(at) == '|') {
					at++;
					continue;
				}
				if (exact != null && exact.size() > MAX_STRINGS) exact = null;
				return new Node(exact, needs);
			}
		}

		private static Set<String> union(Set<String> a, Set<String> b) {
			var out = new HashSet<>(a);
			out.addAll(b);
			return out;
		}

		/**
		 * abc: runs of parts with few strings are spelled out together; the most selective of the runs'
		 * strings and the other parts' needs is the sequence's need.
		 */
		Node sequence() {
			Set<String> best = null;
			Set<String> run = Set.of("");
			boolean whole = true;
			while (at < s.length() && s.charAt(at) != '|' && s.charAt(at) != ')') {
				var atom = atom();
				var q = quantifier();
				Set<String> strings = null;
				if (atom.exact() != null) {
					if (q[0] == 1 && q[1] == 1) strings = atom.exact();
					else if (q[0] == 0 && q[1] == 1) strings = union(atom.exact(), Set.of(""));
				}
				var joined = strings == null ? null : join(run, strings);
				if (joined != null) {
					run = joined;
					continue;
				}
				// the run ends here
				whole = false;
				best = better(best, Node.exactly(run).needs());
				run = strings != null ? strings : Set.of("");
				if (strings == null && q[0] > 0) best = better(best, atom.needs());
			}
			best = better(best, Node.exactly(run).needs());
			return whole ? new Node(run, best) : new Node(null, best);
		}

		/** The least and most repeats the quantifier after an atom allows ({1, 1} without one; most is MAX_VALUE when open). */
		int[] quantifier() {
			if (at >= s.length()) return new int[] { 1, 1 };
			char c = s.charAt(at);
			int[] q;
			if (c == '?') {
				at++;
				q = new int[] { 0, 1 };
			}
			else if (c == '*') {
				at++;
				q = new int[] { 0, Integer.MAX_VALUE };
			}
			else if (c == '+') {
				at++;
				q = new int[] { 1, Integer.MAX_VALUE };
			}
			else if (c == '{') {
				int close = s.indexOf('}', at);
				var body = s.substring(at + 1, close);
				int comma = body.indexOf(',');
				int min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).strip());
				int max = comma < 0 ? min : body.substring(comma + 1).isBlank() ? Integer.MAX_VALUE
						: Integer.parseInt(body.substring(comma + 1).strip());
				at = close + 1;
				q = new int[] { min, max };
			}
			else {
				return new int[] { 1, 1 };
			}
			// a lazy or possessive quantifier matches the same strings
			if (at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '+')) at++;
			return q;
		}

		Node atom() {
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
					return plain ? inner : Node.UNKNOWN;
				}
				case '[' -> {
					int close = s.indexOf(']', at + 1);
					var body = s.substring(at + 1, close);
					at = close + 1;
					if (body.isEmpty() || body.startsWith("^") || body.contains("-") || body.contains("\\") || body.contains("[")
							|| body.contains("&")) {
						return Node.UNKNOWN;
					}
					var set = new HashSet<String>();
					for (char x : body.toCharArray()) set.add(String.valueOf(x));
					return Node.exactly(set);
				}
				case '.', '^', '$' -> {
					at++;
					// an anchor matches the empty string: nothing needed, nothing spelled out
					return c == '.' ? Node.UNKNOWN : new Node(Set.of(""), null);
				}
				case '\\' -> {
					char next = s.charAt(at + 1);
					at += 2;
					// an escaped punctuation mark is itself; letters and digits name classes, anchors or references
					return Character.isLetterOrDigit(next) ? Node.UNKNOWN : Node.exactly(Set.of(String.valueOf(next)));
				}
				case '{', '}', '*', '+', '?' -> throw new IllegalArgumentException("dangling " + c);
				default -> {
					at++;
					return Node.exactly(Set.of(String.valueOf(c)));
				}
			}
		}
	}

	private Requirement() {
	}
}
