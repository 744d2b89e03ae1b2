package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work order as the actor may see it. {@code caller} is null when the order is confidential and
 * the actor works in a department (保密件); the caller's name and phone are masked otherwise.
 * {@code screening} is null unless the screening after registration (risk, near-duplicates, bursts)
 * failed and waits to be run again.
 */
public record WorkOrderView(WorkOrderNo no, Channel channel, RequestType requestType, CategoryRef category,
		Urgency urgency, boolean complex, String title, String content, Caller caller, boolean anonymous,
		boolean confidential, Location location, String callId, String recordingRef, List<String> tags,
		WorkOrderState state, String stateLabel, DepartmentRef lead, DepartmentRef holder,
		List<AssignmentView> assignments, int redoCount, int reopenCount, ResultType resultType, String reply,
		Satisfaction satisfaction, boolean supervised, Extension pendingExtension, OffsetDateTime dueAt,
		String warning, List<Deadline> deadlines, WorkOrderNo masterNo, String registeredBy,
		OffsetDateTime registeredAt, OffsetDateTime closedAt, ScreeningFailure screening,
		List<WorkOrderAction> allowedActions) {

	/** Whether the person the view was made for may take the action now (pages show a form only then). */
	public boolean allows(String action) {
		return allowedActions.contains(WorkOrderAction.valueOf(action));
	}

	public record CategoryRef(long id, String path) {
	}

	public record DepartmentRef(long id, String name) {
	}

	public record Caller(Long citizenId, String name, String phone) {
	}

	public record Location(String address, String divisionCode, Double latitude, Double longitude) {
	}

	public record AssignmentView(DepartmentRef department, String role, int level, String state,
			OffsetDateTime dispatchedAt, OffsetDateTime signedAt, OffsetDateTime finishedAt, String opinion) {
	}

	/**
	 * The screening after registration failed {@code attempts} times; it runs again by itself at
	 * {@code nextAttemptAt}. The order itself is registered and goes on as usual meanwhile.
	 */
	public record ScreeningFailure(int attempts, String error, OffsetDateTime nextAttemptAt) {
	}

	public record Extension(String reason, OffsetDateTime deadline, DepartmentRef department) {
	}

	public record Deadline(SlaStage stage, DepartmentRef department, OffsetDateTime dueAt, OffsetDateTime warnedAt,
			OffsetDateTime overdueAt, OffsetDateTime stoppedAt, boolean paused) {
	}
}
