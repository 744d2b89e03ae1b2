package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AddressResolverTest {

	/** The division table the application ships (copied from ../shared/data/divisions-cn). */
	static final Path DIVISIONS = Path.of("../minsheng-app/src/main/resources/data/divisions-cn");

	static List<Place> divisions;
	static AddressResolver resolver;

	@BeforeAll
	static void load() throws Exception {
		divisions = AddressResolver.readDivisions(DIVISIONS);
		resolver = new AddressResolver(divisions, Map.of());
	}

	static String code(AddressResolver r, String text, String home) {
		return r.resolve(text, home).map(AddressResolver.Resolution::code).orElse(null);
	}

	@Test
	void shortFormsAreWhatCitizensWrite() {
		assertThat(AddressResolver.shortForms(new Place("222400", "延边朝鲜族自治州", "22"))).contains("延边");
		assertThat(AddressResolver.shortForms(new Place("45", "广西壮族自治区", null))).contains("广西");
		assertThat(AddressResolver.shortForms(new Place("440305007", "粤海街道", "440305"))).containsExactly("粤海");
		assertThat(AddressResolver.shortForms(new Place("522600", "黔东南苗族侗族自治州", "52"))).contains("黔东南");
		assertThat(AddressResolver.shortForms(new Place("110101", "东城区", "1101"))).containsExactly("东城");
		assertThat(AddressResolver.shortForms(new Place("420103009", "唐家墩街街道", "420103"))).contains("唐家墩街", "唐家墩街道");
	}

	@Test
	void resolvesDownToTheStreetWithLevelsLeftOut() {
		var r = resolver.resolve("南山区粤海街道科技园路灯不亮", null).orElseThrow();
		assertThat(r.code()).isEqualTo("440305007");
		assertThat(r.level()).isEqualTo(4);
		assertThat(r.fullName()).isEqualTo("广东省 深圳市 南山区 粤海街道");
		assertThat(r.evidence()).contains("南山区", "粤海街道");
		assertThat(code(resolver, "深圳粤海街道有人占道经营", null)).isEqualTo("440305007");
	}

	@Test
	void aRoadNamedAfterAPlaceIsNotThatPlace() {
		// 朝阳区 alone is Beijing's or Changchun's; a 朝阳路 is a road, not a 朝阳 district, town or street
		assertThat(code(resolver, "北京朝阳区建国路施工噪音", null)).isEqualTo("110105");
		assertThat(resolver.resolve("中山路上的井盖丢了", "3702").orElseThrow().fullName()).as("青岛's 中山路街道")
			.isEqualTo("山东省 青岛市 市南区 中山路街道");
		assertThat(code(resolver, "朝阳路上的井盖丢了", null)).isNull();
	}

	@Test
	void aLoneShortFormFarFromTheCenterIsAWordNotAPlace() {
		// 科学 is short for 包头's 科学路街道, and a word in 科兴科学园
		assertThat(resolver.resolve("科兴科学园门口外卖车乱停", "4403")).isEmpty();
		assertThat(code(resolver, "青山区科学路街道门口外卖车乱停", "4403")).isEqualTo("150204005");
	}

	@Test
	void theCentersOwnRegionSettlesNamesSeveralCitiesShare() {
		assertThat(code(resolver, "南山区有一处路灯坏了", "4403")).isEqualTo("440305");
		assertThat(code(resolver, "南山区有一处路灯坏了", "2304")).isEqualTo("230404");
		assertThat(resolver.resolve("南山区有一处路灯坏了", null)).as("two 南山区 and no home: not guessed").isEmpty();
	}

	@Test
	void theLocalGazetteerPlacesCompoundsAndLandmarks() {
		var local = new AddressResolver(divisions, Map.of("天通苑", "110114005", "科兴科学园", "440305007"));
		assertThat(code(local, "我住天通苑，小区门口一直堵车", "1101")).isEqualTo("110114005");
		assertThat(code(local, "科兴科学园楼下外卖车乱停", "4403")).isEqualTo("440305007");
		assertThatThrownBy(() -> new AddressResolver(divisions, Map.of("某小区", "999999999")))
			.hasMessageContaining("999999999");
	}

	/** Street and district accuracy of one labelled file: {@code text,center,district,street}. */
	record Figures(int rows, int withStreet, double street, double district, int unresolved) {
	}

	static Figures figures(String resource) throws Exception {
		int rows = 0, withStreet = 0, streetRight = 0, districtRight = 0, none = 0;
		List<String> misses = new ArrayList<>();
		try (var in = new BufferedReader(new InputStreamReader(AddressResolverTest.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8))) {
			in.readLine();
			for (String line; (line = in.readLine()) != null;) {
				String[] c = line.split(",", -1);
				rows++;
				String code = resolver.resolve(c[0], c[1]).map(AddressResolver.Resolution::code).orElse("");
				if (code.isEmpty()) none++;
				if (code.length() >= 6 && code.substring(0, 6).equals(c[2])) districtRight++;
				else if (c[3].isEmpty()) misses.add(c[0] + " → " + code + " (want district " + c[2] + ")");
				if (!c[3].isEmpty()) {
					withStreet++;
					if (code.equals(c[3])) streetRight++;
					else misses.add(c[0] + " → " + code + " (want " + c[3] + ")");
				}
			}
		}
		var f = new Figures(rows, withStreet, (double) streetRight / withStreet, (double) districtRight / rows, none);
		System.out.printf("%s: %d addresses (%d name their street or town); street-level accuracy %.3f;"
				+ " district-level accuracy %.3f; unresolved %d%n", resource, rows, withStreet, f.street(), f.district(), none);
		misses.forEach(m -> System.out.println("  miss: " + m));
		return f;
	}

	/**
	 * Hand-written addresses from 20 provinces ({@code addresses.csv}: the resolver was tuned on its
	 * last 36 abbreviated rows) and 42 written afterwards and not used to change it
	 * ({@code addresses-heldout.csv}).
	 */
	@Test
	void figuresOnHandWrittenAddresses() throws Exception {
		var dev = figures("/addresses.csv");
		assertThat(dev.rows()).isGreaterThanOrEqualTo(300);
		assertThat(dev.street()).isGreaterThan(0.95);
		assertThat(dev.district()).isGreaterThan(0.98);
		var heldOut = figures("/addresses-heldout.csv");
		assertThat(heldOut.rows()).isGreaterThanOrEqualTo(40);
	}
}
