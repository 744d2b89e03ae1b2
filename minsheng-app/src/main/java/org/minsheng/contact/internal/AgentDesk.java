package org.minsheng.contact.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.contact.AgentState;
import org.minsheng.contact.ContactCenter.AgentAccount;
import org.minsheng.contact.ContactCenter.AgentView;
import org.minsheng.contact.ContactCenter.LiveCall;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.sip.SipEngine;
import org.minsheng.sip.SubscriberDirectory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agents' accounts and states: an administrator sets an agent's extension, SIP password and skills;
 * an agent (or a supervisor for them) signs in, takes a break and signs out; everyone sees the seat
 * as the ACD has it, with whether its phone is registered.
 */
final class AgentDesk {

	private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,10}");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,100}");

	/** The longest break reason kept; the rest is cut. */
	private static final int REASON_LENGTH = 50;

	private final ContactSettings settings;

	private final AgentRows agents;

	private final Acd acd;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Supplier<SipEngine> engine;

	private final LiveCallControl control;

	AgentDesk(ContactSettings settings, AgentRows agents, Acd acd, CurrentActor current, AuditTrail audit,
			TransactionTemplate tx, Clock clock, Supplier<SipEngine> engine, LiveCallControl control) {
		this.settings = settings;
		this.agents = agents;
		this.acd = acd;
		this.current = current;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.engine = engine;
		this.control = control;
	}

	/** Seats every stored agent in the ACD, signed out (at start). */
	void seatAll() {
		for (var row : agents.all()) acd.seat(row.username(), row.extension(), row.skills());
	}

	AgentView save(String username, AgentAccount account) {
		current.get().require(Permission.CONTACT_ADMIN);
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidFieldException("username", "用户名为 2 到 100 个字母、数字、「.」「_」或「-」");
		}
		if (account.extension() == null || !EXTENSION.matcher(account.extension()).matches()) {
			throw new InvalidFieldException("extension", "分机号为 2 到 10 位数字");
		}
		var skills = account.skills() == null ? Map.<String, Integer>of() : account.skills();
		for (var e : skills.entrySet()) {
			if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 50 || e.getKey().matches(".*[,:].*")) {
				throw new InvalidFieldException("skills", "技能名称为 1 到 50 个字符，不含「,」或「:」");
			}
			if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 5) {
				throw new InvalidFieldException("skills." + e.getKey(), "技能等级为 1 到 5");
			}
		}
		var existing = agents.byUsername(username);
		String ha1;
		if (account.password() == null || account.password().isEmpty()) {
			if (existing.isEmpty() || !existing.get().extension().equals(account.extension())) {
				throw new InvalidFieldException("password", "新的 SIP 账号或分机须设置密码");
			}
			ha1 = existing.get().ha1();
		}
		else {
			if (account.password().length() < 8 || account.password().length() > 100) {
				throw new InvalidFieldException("password", "SIP 密码为 8 到 100 个字符");
			}
			ha1 = SubscriberDirectory.ha1(account.extension(), settings.realm(), account.password());
		}
		agents.byExtension(account.extension()).filter(r -> !r.username().equals(username)).ifPresent(r -> {
			throw new ConflictException("分机 " + account.extension() + " 已属于坐席「" + r.username() + "」");
		});
		var row = new AgentRows.Row(username, account.extension(), ha1, Map.copyOf(skills));
		tx.executeWithoutResult(s -> {
			agents.save(row, OffsetDateTime.now(clock));
			audit.record(AuditRecord.of(existing.isEmpty() ? AuditAction.CONTACT_AGENT_CREATED : AuditAction.CONTACT_AGENT_CHANGED,
					"contact_agent", username, "extension=" + account.extension() + ", skills=" + skills
							+ (account.password() == null || account.password().isEmpty() ? "" : ", password set")));
		});
		acd.seat(username, account.extension(), skills);
		return view(acd.seat(username).orElseThrow());
	}

	List<AgentView> all() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return acd.seats().stream().map(this::view).toList();
	}

	AgentView one(String username) {
		mayActFor(username);
		return view(seat(username));
	}

	AgentView changeState(String username, AgentState to, String reason) {
		mayActFor(username);
		var seat = seat(username);
		if (to == null) throw new InvalidFieldException("state", "请选择状态：AVAILABLE（空闲）、ON_BREAK（小休）或 LOGGED_OUT（签出）");
		var now = clock.instant();
		switch (to) {
			case AVAILABLE -> acd.change(seat, s -> s.state() == AgentState.LOGGED_OUT ? s.login(now) : s.ready(now));
			case ON_BREAK -> {
				if (reason == null || reason.isBlank()) {
					throw new InvalidFieldException("reason", "请说明小休原因（如用餐、培训、会议）");
				}
				var why = reason.strip();
				acd.change(seat, s -> s.takeBreak(why.length() > REASON_LENGTH ? why.substring(0, REASON_LENGTH) : why, now));
			}
			case LOGGED_OUT -> acd.change(seat, s -> s.logout(now));
			default -> throw new InvalidFieldException("state",
					"只能选择 AVAILABLE（空闲）、ON_BREAK（小休）或 LOGGED_OUT（签出）；其他状态随通话变化");
		}
		return view(seat);
	}

	/** The call the agent is on now, if any. */
	Optional<LiveCall> currentCall(String username) {
		mayActFor(username);
		return acd.seat(username).map(Seat::callId).flatMap(control::liveCall);
	}

	private Seat seat(String username) {
		return acd.seat(username).orElseThrow(() -> new NotFoundException("坐席", username));
	}

	/** An agent acts for themself; anyone else needs to supervise. */
	private void mayActFor(String username) {
		var actor = current.get();
		if (!(actor.username().equals(username) && actor.can(Permission.CONTACT_AGENT))) {
			actor.require(Permission.CONTACT_SUPERVISE);
		}
	}

	private AgentView view(Seat s) {
		var e = engine.get();
		return new AgentView(s.agent(), s.extension(), s.skills(), s.state(), s.state().label(), s.reason(),
				s.since().atOffset(ZoneOffset.UTC), e != null && e.registration(s.extension()).isPresent(),
				s.answered(), s.callId());
	}
}
