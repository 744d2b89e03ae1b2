package org.minsheng.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.sip.CallId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The callbacks promised to waiting callers, kept from the promise until the citizen is reached or
 * the attempts are spent: {@code WAITING} while the center still owes the call, then {@code DONE}
 * or {@code GAVE_UP}. What is still waiting at a start is placed again, with the caller's place in
 * line (the time they first queued) and the attempts already made.
 */
@Repository
class CallbackRequests {

	/** A promise the center has not kept yet. */
	record Waiting(CallId callId, String queue, String number, int priority, Instant enqueuedAt, int attempts) {
	}

	private final JdbcTemplate jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	CallbackRequests(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** Written before the caller hears the promise: once they hang up, only this row remembers them. */
	void promised(CallId callId, String queue, String number, int priority, Instant enqueuedAt) {
		jdbc.update("insert into contact_callback_request (call_id, queue, number_cipher, priority, enqueued_at, state,"
				+ " attempts, updated_at) values (?, ?, ?, ?, ?, 'WAITING', 0, ?)", callId.value(), queue, cipher.encrypt(number),
				priority, enqueuedAt.atOffset(ZoneOffset.UTC), OffsetDateTime.now(clock));
	}

	void attempted(CallId callId, int attempts) {
		jdbc.update("update contact_callback_request set attempts = ?, updated_at = ? where call_id = ?", attempts,
				OffsetDateTime.now(clock), callId.value());
	}

	void done(CallId callId) {
		finish(callId, "DONE");
	}

	void gaveUp(CallId callId) {
		finish(callId, "GAVE_UP");
	}

	private void finish(CallId callId, String state) {
		jdbc.update("update contact_callback_request set state = ?, updated_at = ? where call_id = ?", state,
				OffsetDateTime.now(clock), callId.value());
	}

	/** The promises still owed, oldest place in line first. */
	List<Waiting> waiting() {
		return jdbc.query("select call_id, queue, number_cipher, priority, enqueued_at, attempts"
				+ " from contact_callback_request where state = 'WAITING' order by enqueued_at",
				(rs, n) -> new Waiting(new CallId(rs.getString(1)), rs.getString(2), cipher.decrypt(rs.getString(3)), rs.getInt(4),
						rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6)));
	}
}
