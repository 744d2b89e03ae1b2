package org.minsheng.knowledge.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.knowledge.ChineseScript;
import org.minsheng.knowledge.Synonyms;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional
class SynonymService implements Synonyms {

	private final SynonymRows rows;

	private final IndexKeeper keeper;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	SynonymService(SynonymRows rows, IndexKeeper keeper, CurrentActor current, AuditTrail audit, Clock clock) {
		this.rows = rows;
		this.keeper = keeper;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SynonymGroup> all() {
		current.get().require(Permission.KNOWLEDGE_READ);
		return rows.all();
	}

	@Override
	public SynonymGroup add(List<String> terms) {
		var actor = current.get().require(Permission.KNOWLEDGE_ADMIN);
		var clean = new LinkedHashSet<String>();
		for (var term : terms == null ? List.<String>of() : terms) {
			var t = term == null ? "" : ChineseScript.toSimplified(term.strip());
			if (t.isEmpty() || t.length() > 50 || t.contains(",")) {
				throw new InvalidFieldException("terms", "每个词为 1 到 50 个字符，不含逗号");
			}
			clean.add(t);
		}
		if (clean.size() < 2 || clean.size() > 20) {
			throw new InvalidFieldException("terms", "同义词组含 2 到 20 个不同的词");
		}
		var list = List.copyOf(clean);
		long id = rows.insert(list, actor.username(), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.KB_SYNONYMS_ADDED, "kb_synonym", id, String.join(",", list)));
		reloadAfterCommit();
		return new SynonymGroup(id, list);
	}

	@Override
	public void remove(long id) {
		current.get().require(Permission.KNOWLEDGE_ADMIN);
		if (!rows.delete(id)) {
			throw new NotFoundException("同义词组", id);
		}
		audit.record(AuditRecord.of(AuditAction.KB_SYNONYMS_REMOVED, "kb_synonym", id, null));
		reloadAfterCommit();
	}

	private void reloadAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				keeper.useSynonyms();
			}
		});
	}
}
