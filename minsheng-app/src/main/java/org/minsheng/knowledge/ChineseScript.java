package org.minsheng.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;

/**
 * Simplified and Traditional Chinese as one: folds full-width forms (１２３４５ → 12345) and turns
 * Traditional characters and phrases into Simplified ones (臺北 → 台北, 資訊 → 资讯; regional words such as 計程車 = 出租车 are synonyms), for
 * callers from Hong Kong, Macao and Taiwan and for traditional input methods. The table is HanLP's
 * (its {@code s2t} table reversed, then its {@code t2s} table), loaded once from the HanLP jar.
 * As a character filter it keeps offsets into the original text, so highlights land right.
 */
public final class ChineseScript {

	private static final NormalizeCharMap TRADITIONAL_TO_SIMPLIFIED = loadTraditionalToSimplified();

	private ChineseScript() {
	}

	/** Text with full-width forms folded and Traditional Chinese made Simplified. */
	public static String toSimplified(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		try (Reader reader = fold(new StringReader(text))) {
			var out = new StringBuilder(text.length());
			var buffer = new char[1024];
			int n;
			while ((n = reader.read(buffer)) > 0) {
				out.append(buffer, 0, n);
			}
			return out.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The same folding as a character filter over a reader (for analyzers). */
	public static Reader fold(Reader reader) {
		return new MappingCharFilter(TRADITIONAL_TO_SIMPLIFIED, new CJKWidthCharFilter(reader));
	}

	private static NormalizeCharMap loadTraditionalToSimplified() {
		Map<String, String> map = new HashMap<>(80_000);
		// s2t lists simplified=traditional; reversed, it maps traditional words and characters back. A
		// phrase that is the same in both (著作) stays as an identity entry, so that the longest match
		// keeps it whole instead of converting its characters one by one (著 → 着).
		read("data/dictionary/tc/s2t.txt", (simplified, traditional) -> {
			if (!traditional.equals(simplified) || traditional.length() > 1) {
				map.putIfAbsent(traditional, simplified);
			}
		});
		read("data/dictionary/tc/t2s.txt", (traditional, simplified) -> {
			if (!traditional.equals(simplified)) {
				map.putIfAbsent(traditional, simplified);
			}
		});
		var builder = new NormalizeCharMap.Builder();
		map.forEach(builder::add);
		return builder.build();
	}

	private static void read(String resource, BiConsumer<String, String> pair) {
		try (InputStream in = ChineseScript.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("HanLP's conversion table " + resource + " is not on the class path");
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				int eq = line.indexOf('=');
				if (eq > 0 && eq < line.length() - 1) {
					var right = line.substring(eq + 1).strip();
					int space = right.indexOf(' ');
					pair.accept(line.substring(0, eq).strip(), space > 0 ? right.substring(0, space) : right);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
