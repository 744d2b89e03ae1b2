package org.minsheng.contact.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.platform.InvalidFieldException;
import org.springframework.core.io.ClassPathResource;

/**
 * The call plan in force and its file: the shipped plan copied into the data folder on first start,
 * read and checked at start, replaced whole by an administrator (written to a temporary file and
 * moved over the old one, so a crash leaves either plan, never half of one).
 */
final class CallPlans {

	private final Path file;

	private final AuditTrail audit;

	private volatile CallPlan plan;

	CallPlans(ContactSettings settings, Path dataDir, AuditTrail audit) {
		this.file = settings.planFile() == null || settings.planFile().isBlank()
				? dataDir.resolve("contact").resolve("call-plan.yml") : Path.of(settings.planFile());
		this.audit = audit;
	}

	/** Reads the plan file (the shipped plan when there is none yet); a mistake stops the start with its place. */
	void load() {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				try (var in = new ClassPathResource("contact/call-plan.yml").getInputStream()) {
					Files.copy(in, file);
				}
			}
			plan = CallPlanParser.parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the call plan " + file, e);
		}
		catch (InvalidFieldException e) {
			throw new IllegalStateException("The call plan " + file + " has a mistake at " + e.field() + ": " + e.getMessage(), e);
		}
	}

	/** The plan in force; calls that started before a replacement keep the plan they started with. */
	CallPlan current() {
		return plan;
	}

	/** The plan as its administrator wrote it, comments included. */
	String source() {
		return plan.source();
	}

	/** Checks the new plan whole, then stores it and puts it in force; a refused plan changes nothing. */
	void replace(String yaml) {
		if (yaml == null || yaml.isBlank()) throw new InvalidFieldException("plan", "请以 YAML 提交呼叫方案");
		var parsed = CallPlanParser.parse(yaml);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			var temp = Files.createTempFile(file.toAbsolutePath().getParent(), "call-plan", ".part");
			Files.writeString(temp, yaml, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the call plan " + file, e);
		}
		plan = parsed;
		audit.record(AuditRecord.of(AuditAction.CONTACT_PLAN_REPLACED, "contact_plan", file.getFileName().toString(),
				"flows=" + parsed.flows().keySet() + ", queues=" + parsed.queues().keySet()));
	}
}
