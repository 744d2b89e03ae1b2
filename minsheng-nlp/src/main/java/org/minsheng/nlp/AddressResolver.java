package org.minsheng.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds where a request is about: the names of divisions in a free text, resolved to the deepest division they agree
 * on, down to the street, town or township. Citizens leave levels out (朝阳区建国路, without 北京市), shorten names
 * (粤海 for 粤海街道, 深圳 for 深圳市, 延边 for 延边朝鲜族自治州) and name places the division table does not know
 * (a residential compound, a landmark): a local gazetteer maps those to a street or district.
 *
 * <p>Every name or short form found in the text proposes the divisions that bear it; each proposal is scored by the
 * levels of its own line (itself and its ancestors) the text mentions, full names counting more than short ones, and
 * the divisions under the center's own region ({@code home}) first, as a city's hotline hears mostly of its own
 * streets. When two proposals tie, the answer is the deepest division they share (the district both streets are in),
 * or nothing when they share none below the province.
 */
public final class AddressResolver {

	/** What was found: the division, how deep, its full name from the province down, and the names that led there. */
	public record Resolution(String code, int level, String fullName, double confidence, List<String> evidence) {
	}

	private static final String ETHNIC = "汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西"
			+ "|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙"
			+ "|鄂伦春|赫哲|门巴|珞巴|基诺|各";
	private static final Pattern ETHNIC_TAIL = Pattern.compile("(?:" + ETHNIC + ")族$");
	private static final Pattern AUTONOMY = Pattern.compile("(自治区|自治州|自治县|自治旗|民族乡|民族苏木)$");
	private static final String[] SUFFIXES = {"特别行政区", "街道办事处", "地区办事处", "街道", "新区", "林区", "地区", "苏木",
		"省", "市", "区", "县", "旗", "盟", "镇", "乡"};
	private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
	/** After a short form, these mean the name is part of a road, a building or an institution, not the division. */
	private static final Pattern NOT_A_DIVISION_AFTER = Pattern.compile(
			"^(路|街|道|大道|大街|巷|胡同|桥|弄|号|里|大厦|广场|公园|花园|小区|中学|小学|大学|医院|站|机场|村委|社区|公司|银行|酒店|宾馆|商场|市场|公交|地铁)");
	/** Stems that are everyday words first (公园街道 is a street, 公园 mostly a park). */
	private static final Set<String> GENERIC = Set.of("公园", "城关", "城区", "中心", "火车站", "机场", "开发区", "新区", "社区",
			"工业园", "市场", "车站");
	private static final double[] WEIGHT = {0, 1.0, 1.5, 2.0, 2.5};
	private static final double HOME = 1.5;

	private record Surface(Place place, boolean full, boolean gazetteer) {
	}

	private record Found(int start, int end, String text, Surface surface) {
	}

	private final Map<String, Place> byCode = new HashMap<>();
	private final Map<String, List<Surface>> bySurface = new HashMap<>();
	private int longest;

	/** Every beginning (two characters or more) of a name or short form: a look-up stops where none goes on. */
	private final Set<String> prefixes = new java.util.HashSet<>();

	/** The first two characters of every name as a number: most places of a text begin no name, found without making a string. */
	private final IntSet starts = new IntSet();

	/** A set of ints (never 0: a name's first character is not NUL), open addressing. */
	private static final class IntSet {

		private int[] slots = new int[1 << 16];

		private int size;

		void add(int key) {
			if (contains(key)) return;
			if (++size * 2 > slots.length) {
				var old = slots;
				slots = new int[old.length * 2];
				for (int k : old) if (k != 0) insert(k);
			}
			insert(key);
		}

		private void insert(int key) {
			int mask = slots.length - 1;
			int i = (key * 0x9E3779B9 >>> 8) & mask;
			while (slots[i] != 0) i = (i + 1) & mask;
			slots[i] = key;
		}

		boolean contains(int key) {
			int mask = slots.length - 1;
			for (int i = (key * 0x9E3779B9 >>> 8) & mask;; i = (i + 1) & mask) {
				if (slots[i] == key) return true;
				if (slots[i] == 0) return false;
			}
		}
	}

	/**
	 * @param divisions the division table
	 * @param gazetteer local names (a compound, a road, a landmark) and the code of the street or district they are in
	 */
	public AddressResolver(Collection<Place> divisions, Map<String, String> gazetteer) {
		for (Place p : divisions) byCode.put(p.code(), p);
		for (Place p : divisions) {
			if (PLACEHOLDERS.contains(p.name())) continue;
			add(p.name(), new Surface(p, true, false));
			for (String s : shortForms(p)) add(s, new Surface(p, false, false));
		}
		gazetteer.forEach((name, code) -> {
			Place p = byCode.get(code);
			if (p == null) throw new IllegalArgumentException("gazetteer entry " + name + " points to unknown division " + code);
			add(fold(name), new Surface(p, true, true));
		});
	}

	/** The table in the CSV files of {@code divisions-cn} (provinces, cities, areas, streets). */
	public static List<Place> readDivisions(Path dir) throws IOException {
		List<Place> out = new ArrayList<>();
		for (String file : List.of("provinces.csv", "cities.csv", "areas.csv", "streets.csv")) {
			try (Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
				out.addAll(readDivisions(r));
			}
		}
		return out;
	}

	/** One CSV of the divisions-cn form: {@code code,"name",parentCode,...} with a header line. */
	public static List<Place> readDivisions(Reader csv) throws IOException {
		List<Place> out = new ArrayList<>();
		BufferedReader reader = new BufferedReader(csv);
		reader.readLine();
		for (String line; (line = reader.readLine()) != null;) {
			if (line.isBlank()) continue;
			String[] cols = line.split(",");
			out.add(new Place(cols[0].strip(), cols[1].replace("\"", "").strip(), cols.length > 2 ? cols[2].strip() : null));
		}
		return out;
	}

	private void add(String surface, Surface s) {
		if (surface.length() < 2) return;
		bySurface.computeIfAbsent(surface, k -> new ArrayList<>(1)).add(s);
		for (int len = 2; len <= surface.length(); len++) prefixes.add(surface.substring(0, len));
		starts.add(surface.charAt(0) << 16 | surface.charAt(1));
		longest = Math.max(longest, surface.length());
	}

	/** Short forms a citizen writes: 广东 for 广东省, 延边 for 延边朝鲜族自治州, 粤海 for 粤海街道. */
	static Set<String> shortForms(Place p) {
		Set<String> out = new LinkedHashSet<>();
		String name = p.name();
		String stem = name;
		var autonomy = AUTONOMY.matcher(stem);
		if (autonomy.find()) {
			stem = stem.substring(0, autonomy.start());
			for (var m = ETHNIC_TAIL.matcher(stem); m.find() && m.start() >= 2; m = ETHNIC_TAIL.matcher(stem)) {
				stem = stem.substring(0, m.start());
			}
			if (stem.length() >= 2) out.add(stem);
		}
		for (String suffix : SUFFIXES) {
			if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
				out.add(name.substring(0, name.length() - suffix.length()));
				break;
			}
		}
		// 小寨路街道 is called 小寨
		if (name.endsWith("路街道") && name.length() >= 5) out.add(name.substring(0, name.length() - 3));
		// 民族街街道 is written 民族街道, 唐家墩街街道 唐家墩街道
		if (name.endsWith("街街道")) out.add(name.substring(0, name.length() - 3) + "街道");
		out.remove(name);
		out.removeAll(GENERIC);
		return out;
	}

	static String fold(String text) {
		return RiskDetector.fold(text);
	}

	/** Resolves without a home region. */
	public Optional<Resolution> resolve(String text) {
		return resolve(text, null);
	}

	/**
	 * @param home the code (or code prefix) of the center's own region, e.g. {@code 4403} for 深圳市; null for none
	 */
	public Optional<Resolution> resolve(String text, String home) {
		if (text == null || text.isBlank()) return Optional.empty();
		String t = fold(text);
		List<Found> found = find(t);
		if (found.isEmpty()) return Optional.empty();
		// where each division is mentioned; a span of text speaks for one level of a line only (南山 is 南山区
		// or 南山街道, not both at once)
		Map<String, List<Found>> mentions = new LinkedHashMap<>();
		for (Found f : found) mentions.computeIfAbsent(f.surface().place().code(), k -> new ArrayList<>()).add(f);
		Map<String, Double> scores = new LinkedHashMap<>();
		Map<String, List<String>> support = new HashMap<>();
		for (String code : mentions.keySet()) {
			double score = 0;
			List<Found> used = new ArrayList<>();
			boolean fullAnywhere = false;
			List<String> words = new ArrayList<>();
			List<Place> line = line(code);
			for (int i = line.size() - 1; i >= 0; i--) {
				Place a = line.get(i);
				Found bestSpan = null;
				for (Found f : mentions.getOrDefault(a.code(), List.of())) {
					boolean overlaps = used.stream().anyMatch(u -> f.start() < u.end() && u.start() < f.end());
					if (!overlaps && (bestSpan == null || quality(f.surface()) > quality(bestSpan.surface()))) bestSpan = f;
				}
				if (bestSpan == null) continue;
				used.add(bestSpan);
				if (bestSpan.surface().full()) fullAnywhere = true;
				score += WEIGHT[a.level()] * quality(bestSpan.surface());
				words.addFirst(bestSpan.text());
			}
			boolean atHome = home != null && !home.isBlank() && code.startsWith(home);
			if (atHome) score += HOME;
			// one short form alone, outside the center's region, is a word more often than a place (科学 in 科学园)
			if (!atHome && words.size() == 1 && !fullAnywhere) continue;
			scores.put(code, score);
			support.put(code, words);
		}
		if (scores.isEmpty()) return Optional.empty();
		double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		List<String> top = scores.entrySet().stream().filter(e -> e.getValue() >= best - 1e-9).map(Map.Entry::getKey).toList();
		String code = top.size() == 1 ? top.getFirst() : commonAncestor(top);
		if (code == null || code.length() < 4 && top.size() > 1) return Optional.empty();
		double second = scores.entrySet().stream().filter(e -> !isOnLine(e.getKey(), code) && !top.contains(e.getKey()))
				.mapToDouble(Map.Entry::getValue).max().orElse(0);
		double confidence = top.size() > 1 ? 0.5 : best / (best + second + 0.5);
		List<String> why = new ArrayList<>();
		for (String c : top) why.addAll(support.get(c));
		Place p = byCode.get(code);
		return Optional.of(new Resolution(code, p.level(), fullName(code), Math.round(confidence * 1000) / 1000.0,
				List.copyOf(new LinkedHashSet<>(why))));
	}

	private static double quality(Surface s) {
		if (s.gazetteer() || s.full()) return 1.0;
		return s.place().level() == 4 ? 0.5 : 0.75;
	}

	/** Every name or short form in the text; short forms that run into a road or building name are not divisions. */
	private List<Found> find(String t) {
		List<Found> out = new ArrayList<>();
		var after = NOT_A_DIVISION_AFTER.matcher(t);
		var here = new ArrayList<Found>();
		for (int i = 0; i < t.length(); i++) {
			// the names beginning here, shortest first, as far as some name goes on; kept longest first
			here.clear();
			if (i + 1 >= t.length() || !starts.contains(t.charAt(i) << 16 | t.charAt(i + 1))) continue;
			for (int len = 2, max = Math.min(longest, t.length() - i); len <= max; len++) {
				String s = t.substring(i, i + len);
				if (!prefixes.contains(s)) break;
				List<Surface> surfaces = bySurface.get(s);
				if (surfaces == null) continue;
				boolean roadAfter = after.region(i + len, t.length()).lookingAt();
				for (Surface surface : surfaces) {
					if (!surface.full() && roadAfter) continue;
					here.add(new Found(i, i + len, s, surface));
				}
			}
			for (int k = here.size() - 1; k >= 0; k--) {
				// the same order as before: longer names first, each name's surfaces in their order
				int end = k;
				while (k > 0 && here.get(k - 1).end() == here.get(end).end()) k--;
				out.addAll(here.subList(k, end + 1));
			}
		}
		// a name inside a longer name found at the same place is not a mention of its own (南山 in 南山区)
		List<Found> kept = new ArrayList<>();
		for (Found f : out) {
			boolean inside = false;
			for (Found g : out) {
				if (g != f && g.start() <= f.start() && f.end() <= g.end() && g.end() - g.start() > f.end() - f.start()
						&& g.surface().full()) {
					inside = true;
					break;
				}
			}
			if (!inside) kept.add(f);
		}
		return kept;
	}

	/** The division and its ancestors, province first. */
	private List<Place> line(String code) {
		return lines.computeIfAbsent(code, c -> {
			List<Place> out = new ArrayList<>();
			for (Place p = byCode.get(c); p != null; p = p.parentCode() == null ? null : byCode.get(p.parentCode())) {
				out.addFirst(p);
			}
			return List.copyOf(out);
		});
	}

	/** Each division's line, made once when first asked for (at most one per division). */
	private final Map<String, List<Place>> lines = new java.util.concurrent.ConcurrentHashMap<>();

	private boolean isOnLine(String code, String of) {
		return of.startsWith(code) || code.startsWith(of);
	}

	private String commonAncestor(List<String> codes) {
		List<Place> first = line(codes.getFirst());
		String common = null;
		for (Place a : first) {
			boolean all = codes.stream().allMatch(c -> line(c).stream().anyMatch(p -> p.code().equals(a.code())));
			if (!all) break;
			common = a.code();
		}
		return common;
	}

	/** 广东省 深圳市 南山区 粤海街道 (a 市辖区 placeholder left out). */
	public String fullName(String code) {
		return String.join(" ", line(code).stream().map(Place::name).filter(n -> !PLACEHOLDERS.contains(n)).toList());
	}

	public int size() {
		return byCode.size();
	}
}
