package org.minsheng.audit.internal;

import org.minsheng.audit.AuditTrail;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar minsheng.jar audit verify}: checks the chain against the configured database,
 * prints the result and exits 0 when intact, 3 when broken.
 */
@Component
@ConditionalOnProperty(name = "minsheng.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	private final AuditTrail trail;

	private int exitCode;

	AuditVerifyCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void run(ApplicationArguments args) {
		var result = trail.verify();
		if (result.intact()) {
			System.out.printf("审计链完整 audit chain intact: %d entries checked in %d ms (%d unsealed)%n",
					result.checked(), result.millis(), result.unsealed());
			exitCode = 0;
		}
		else {
			System.out.printf("审计链被破坏 audit chain BROKEN at entry seq=%d id=%s: %s%n", result.firstBrokenSeq(),
					result.firstBrokenId(), result.problem());
			exitCode = 3;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
