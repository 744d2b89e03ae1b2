package org.minsheng.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires articles past their date: on start, and every hour (the first run after midnight catches the day's). */
@Component
@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve", matchIfMissing = true)
class ExpiryWatch {

	private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

	private final KnowledgeService knowledge;

	ExpiryWatch(KnowledgeService knowledge) {
		this.knowledge = knowledge;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${minsheng.knowledge.expiry-cron:0 1 * * * *}", zone = "Asia/Shanghai")
	void run() {
		int expired = knowledge.expireDue();
		if (expired > 0) {
			log.info("{} knowledge articles expired", expired);
		}
	}
}
