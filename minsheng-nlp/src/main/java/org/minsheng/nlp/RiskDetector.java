package org.minsheng.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Runs the risk policies over a text: one flag per kind of risk, from the first policy of that kind
 * that matches. The text is folded first (full-width to half-width, spaces removed) so 「跳 楼」
 * and 「ｘ」 forms do not slip through.
 *
 * <p>Policies are written in a plain text form, one policy per block:
 * <pre>
 * [自杀意图] SELF_HARM
 * terms: 自杀, 轻生, 不想活了
 * pattern: (我|俺).{0,6}(想|要)(去)?死
 * except: 想死(你|您)们
 * </pre>
 */
public final class RiskDetector {

	private final List<RiskPolicy> policies;

	/** Per policy, per pattern: the strings one of which a match holds (see {@link Requirement}). */
	private final String[][][] needs;

	public RiskDetector(List<RiskPolicy> policies) {
		this.policies = List.copyOf(policies);
		this.needs = new String[this.policies.size()][][];
		for (int i = 0; i < needs.length; i++) needs[i] = this.policies.get(i).needs();
	}

	/** The policies shipped with Minsheng (resource {@code risk-policies.txt}). */
	public static RiskDetector defaults() {
		try (var in = RiskDetector.class.getResourceAsStream("risk-policies.txt")) {
			return new RiskDetector(parse(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<RiskPolicy> policies() {
		return policies;
	}

	public List<RiskFlag> detect(String text) {
		if (text == null || text.isBlank()) return List.of();
		var folded = fold(text);
		var chars = TextChars.of(folded);
		var seen = EnumSet.noneOf(RiskKind.class);
		var flags = new ArrayList<RiskFlag>();
		for (int i = 0; i < policies.size(); i++) {
			var policy = policies.get(i);
			if (seen.contains(policy.kind())) continue;
			policy.firstMatch(folded, chars, needs[i]).ifPresent(flag -> {
				seen.add(flag.kind());
				flags.add(flag);
			});
		}
		return flags;
	}

	static String fold(String text) {
		var normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
		var out = new StringBuilder(normal.length());
		for (int i = 0; i < normal.length(); i++) {
			char c = normal.charAt(i);
			if (!Character.isWhitespace(c) && c != '\u3000') out.append(c);
		}
		return out.toString();
	}

	/** Reads policies in the block form above; a mistake names the line. */
	public static List<RiskPolicy> parse(Reader source) throws IOException {
		var out = new ArrayList<RiskPolicy>();
		var reader = new BufferedReader(source);
		String name = null;
		RiskKind kind = null;
		var terms = new ArrayList<String>();
		var patterns = new ArrayList<String>();
		var exceptions = new ArrayList<String>();
		int lineNo = 0;
		for (String line; (line = reader.readLine()) != null;) {
			lineNo++;
			var l = line.strip();
			if (l.isEmpty() || l.startsWith("#")) continue;
			if (l.startsWith("[")) {
				if (name != null) out.add(RiskPolicy.of(name, kind, terms, patterns, exceptions));
				int close = l.indexOf(']');
				if (close < 0) throw new IllegalArgumentException("line " + lineNo + ": a policy starts with [name] KIND");
				name = l.substring(1, close).strip();
				try {
					kind = RiskKind.valueOf(l.substring(close + 1).strip());
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("line " + lineNo + ": unknown risk kind '" + l.substring(close + 1).strip() + "'");
				}
				terms.clear();
				patterns.clear();
				exceptions.clear();
				continue;
			}
			if (name == null) throw new IllegalArgumentException("line " + lineNo + ": no [policy] before this line");
			int colon = l.indexOf(':');
			if (colon < 0) throw new IllegalArgumentException("line " + lineNo + ": expected terms:, pattern: or except:");
			var key = l.substring(0, colon).strip();
			var value = l.substring(colon + 1).strip();
			switch (key) {
				case "terms" -> {
					for (var t : value.split("[,，、]")) if (!t.isBlank()) terms.add(fold(t));
				}
				case "pattern" -> patterns.add(value);
				case "except" -> exceptions.add(value);
				default -> throw new IllegalArgumentException("line " + lineNo + ": unknown key '" + key + "'");
			}
		}
		if (name != null) out.add(RiskPolicy.of(name, kind, terms, patterns, exceptions));
		return out;
	}
}
