package org.minsheng.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.identity.DepartmentId;
import org.minsheng.workorder.DispatchSuggestion;

class CombinedAdviceTest {

	static final DepartmentId WATER = new DepartmentId(1);

	static final DepartmentId STREET = new DepartmentId(2);

	@Test
	void twoAdvisorsNamingOneDepartmentMakeItSurerThanEitherAlone() {
		var combined = CombinedAdvice.combine(List.of(
				new DispatchSuggestion(WATER, List.of(), 0.5, "responsibility-list", "权责清单 #3"),
				new DispatchSuggestion(WATER, List.of(), 0.8, "department-model", "部门模型 v2"),
				new DispatchSuggestion(STREET, List.of(), 0.6, "responsibility-list", "权责清单 #4")));

		assertThat(combined).hasSize(2);
		assertThat(combined.getFirst().department()).isEqualTo(WATER);
		assertThat(combined.getFirst().confidence()).isCloseTo(0.9, within(1e-9));
		assertThat(combined.getFirst().source()).isEqualTo("department-model+responsibility-list");
		assertThat(combined.getFirst().reason()).isEqualTo("部门模型 v2；权责清单 #3");
		assertThat(combined.get(1).confidence()).isEqualTo(0.6);
	}

	@Test
	void coHandlersComeFromTheSurestAdvisorThatNamesAny() {
		var combined = CombinedAdvice.combine(List.of(
				new DispatchSuggestion(WATER, List.of(), 0.9, "department-model", "模型"),
				new DispatchSuggestion(WATER, List.of(STREET), 0.5, "responsibility-list", "清单")));

		assertThat(combined.getFirst().coHandlers()).containsExactly(STREET);
		assertThat(combined.getFirst().confidence()).isCloseTo(0.95, within(1e-9));
	}
}
