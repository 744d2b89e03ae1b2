package org.minsheng.understanding.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.minsheng.platform.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retrains every model kind on schedule (by default each night at 02:30, Asia/Shanghai) with the
 * closed orders of the day before, or when the active model reads texts the old way (after an
 * upgrade); a version replaces the active one only when not worse. In a
 * cluster the first node to claim the slot trains, the others let it be. {@code minsheng.nlp.retrain-cron=-}
 * turns it off.
 */
@Component
class ScheduledTraining {

	private static final Logger log = LoggerFactory.getLogger(ScheduledTraining.class);

	static final String SYSTEM = "system";

	private final JdbcTemplate jdbc;

	private final TrainingSet examples;

	private final ModelShelf shelf;

	private final Clock clock;

	ScheduledTraining(JdbcTemplate jdbc, TrainingSet examples, ModelShelf shelf, Clock clock) {
		this.jdbc = jdbc;
		this.examples = examples;
		this.shelf = shelf;
		this.clock = clock;
	}

	@Scheduled(cron = "${minsheng.nlp.retrain-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void retrain() {
		var now = OffsetDateTime.now(clock);
		var slot = "retrain " + now.atZoneSameInstant(DispatchOutcomes.CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		try {
			jdbc.update("insert into nlp_training_claim (slot, claimed_at) values (?, ?)", slot, now);
		}
		catch (DuplicateKeyException e) {
			log.info("{}: another node trains", slot);
			return;
		}
		for (var kind : ModelKind.values()) {
			try {
				var set = examples.examples(kind);
				var newest = shelf.versions().stream().filter(v -> v.kind().equals(kind.name())).findFirst();
				var active = shelf.active(kind);
				boolean stale = active != null && !active.classifier().current();
				if (newest.isPresent() && newest.get().examples() == set.all().size() && !stale) {
					log.info("{}: no new {} examples since v{}", slot, kind.label(), newest.get().version());
					continue;
				}
				var version = shelf.train(kind, set.all(), SYSTEM);
				log.info("{}: {} model v{} on {} examples ({} from closed orders), macro-F1 {}, {}", slot, kind.label(),
						version.version(), version.examples(), set.fromOrders(), version.macroF1(), version.note());
			}
			catch (InvalidFieldException e) {
				log.info("{}: no {} model: {}", slot, kind.label(), e.getMessage());
			}
			catch (RuntimeException e) {
				log.warn("{}: training the {} model failed", slot, kind.label(), e);
			}
		}
	}
}
