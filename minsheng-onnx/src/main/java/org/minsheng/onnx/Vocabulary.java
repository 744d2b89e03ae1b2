package org.minsheng.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A BERT-style vocabulary ({@code vocab.txt}: one token a line, its id the line number) and the
 * tokenizer Chinese BERT models use: lower-case, every Chinese character its own token, runs of
 * Latin letters and digits a token when the vocabulary has them (else their characters, else
 * {@code [UNK]}), the sequence framed by {@code [CLS]} and {@code [SEP]} and cut to a length.
 */
public final class Vocabulary {

	static final String UNKNOWN = "[UNK]";

	static final String START = "[CLS]";

	static final String END = "[SEP]";

	private final Map<String, Integer> ids;

	private Vocabulary(Map<String, Integer> ids) {
		this.ids = ids;
	}

	public static Vocabulary read(Path file) throws IOException {
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		return of(lines, file.toString());
	}

	static Vocabulary of(List<String> tokens, String source) {
		var ids = new HashMap<String, Integer>();
		for (int i = 0; i < tokens.size(); i++) {
			ids.putIfAbsent(tokens.get(i).strip(), i);
		}
		for (var required : List.of(UNKNOWN, START, END)) {
			if (!ids.containsKey(required)) {
				throw new IllegalArgumentException("The vocabulary " + source + " has no " + required + " token");
			}
		}
		return new Vocabulary(Map.copyOf(ids));
	}

	public int size() {
		return ids.size();
	}

	/** The token ids of a text, with [CLS] and [SEP], at most {@code maxLength} of them. */
	public long[] encode(String text, int maxLength) {
		if (maxLength < 2) throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP]");
		var out = new ArrayList<Integer>();
		out.add(ids.get(START));
		var t = text == null ? "" : text.toLowerCase(Locale.ROOT);
		for (int i = 0; i < t.length() && out.size() < maxLength - 1;) {
			int cp = t.codePointAt(i);
			int len = Character.charCount(cp);
			if (Character.isWhitespace(cp)) {
				i += len;
				continue;
			}
			if (cp < 128 && Character.isLetterOrDigit(cp)) {
				int end = i;
				while (end < t.length() && t.charAt(end) < 128 && Character.isLetterOrDigit(t.charAt(end))) end++;
				var word = t.substring(i, end);
				if (ids.containsKey(word)) {
					out.add(ids.get(word));
				}
				else {
					for (int k = 0; k < word.length() && out.size() < maxLength - 1; k++) {
						out.add(ids.getOrDefault(String.valueOf(word.charAt(k)), ids.get(UNKNOWN)));
					}
				}
				i = end;
				continue;
			}
			out.add(ids.getOrDefault(new String(Character.toChars(cp)), ids.get(UNKNOWN)));
			i += len;
		}
		out.add(ids.get(END));
		return out.stream().mapToLong(Integer::longValue).toArray();
	}
}
