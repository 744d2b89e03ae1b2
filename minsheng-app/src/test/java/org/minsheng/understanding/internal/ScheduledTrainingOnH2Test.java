package org.minsheng.understanding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.OnH2;
import org.springframework.beans.factory.annotation.Autowired;

/** The nightly retraining: one node trains each slot, and a kind with nothing new is left as it is. */
@OnH2
class ScheduledTrainingOnH2Test extends ApplicationTest {

	@Autowired
	ScheduledTraining schedule;

	@Autowired
	ModelShelf shelf;

	@Test
	void theScheduleTrainsWhatHasExamplesOnceASlotAndSkipsWhatHasNothingNew() {
		var supervisor = IdentityFixture.unique("schedsup");
		given.user(supervisor, given.rootId(), "SUPERVISOR");
		var csv = new StringBuilder("id,title,detail,category\n");
		for (int i = 0; i < 6; i++) {
			csv.append("s").append(i).append(",路灯不亮").append(i).append(",,城乡建设\n");
			csv.append("t").append(i).append(",拖欠工资").append(i).append(",,劳动和社会保障\n");
		}
		var session = api.as(supervisor, IdentityFixture.PASSWORD);
		assertThat(session.sendAs("POST", "/api/nlp/training-examples", "text/csv", csv.toString()).status()).isEqualTo(200);
		long before = count("select count(*) from nlp_model where kind = 'CATEGORY' and trained_by = 'system'");

		schedule.retrain();
		schedule.retrain(); // the same slot: another node's turn, nothing happens

		assertThat(count("select count(*) from nlp_model where kind = 'CATEGORY' and trained_by = 'system'"))
			.isEqualTo(before + 1);
		assertThat(count("select count(*) from nlp_model where kind = 'CATEGORY' and active = true")).isEqualTo(1);

		jdbc.update("delete from nlp_training_claim");
		schedule.retrain(); // a new slot, but no new example

		assertThat(count("select count(*) from nlp_model where kind = 'CATEGORY' and trained_by = 'system'"))
			.isEqualTo(before + 1);
		// a department model trained here would advise the orders of later tests
		shelf.deactivate(ModelKind.DEPARTMENT, "test");
		shelf.deactivate(ModelKind.RISK, "test");
	}
}
