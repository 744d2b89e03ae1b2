package org.minsheng.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.DivisionLevel;

class CsvDivisionsTest {

	final CsvDivisions divisions = newDivisions();

	static CsvDivisions newDivisions() {
		try {
			return new CsvDivisions(new RegionSettings(null));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void loadsEveryLevelDownToStreets() {
		assertThat(divisions.size()).isGreaterThan(44_000);
		assertThat(divisions.provinces()).hasSize(31);
		assertThat(divisions.find(new DivisionCode("440305001"))).hasValueSatisfying(d -> {
			assertThat(d.name()).isEqualTo("南头街道");
			assertThat(d.level()).isEqualTo(DivisionLevel.STREET);
		});
	}

	@Test
	void namesADivisionFromItsProvinceDown() {
		assertThat(divisions.fullName(new DivisionCode("440305001"))).isEqualTo("广东省 深圳市 南山区 南头街道");
		assertThat(divisions.fullName(new DivisionCode("110105"))).isEqualTo("北京市 朝阳区");
	}

	@Test
	void listsTheDistrictsOfACity() {
		assertThat(divisions.children(new DivisionCode("4403"))).extracting(d -> d.name())
			.contains("南山区", "福田区", "宝安区")
			.hasSize(9);
	}
}
