package org.minsheng.workorder.internal;

import java.time.LocalDate;
import java.util.concurrent.locks.ReentrantLock;

import org.minsheng.workorder.WorkOrderNo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out {@code WO}+date+sequence numbers. A node reserves a block of numbers in a short
 * transaction of its own, so registrations never wait on one another for the daily counter; a
 * restart or a rolled-back registration leaves a gap, never a duplicate.
 */
@Component
class OrderNumbers {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTx;

	private final int block;

	private final ReentrantLock lock = new ReentrantLock();

	private LocalDate day;

	private int next;

	private int last;

	OrderNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, WorkOrderSettings settings) {
		this.jdbc = jdbc;
		this.ownTx = new TransactionTemplate(transactions);
		this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.block = Math.max(1, settings.numberBlock());
	}

	WorkOrderNo next(LocalDate today) {
		lock.lock();
		try {
			if (!today.equals(day) || next > last) {
				reserve(today);
			}
			return WorkOrderNo.of(day, next++);
		}
		finally {
			lock.unlock();
		}
	}

	private void reserve(LocalDate today) {
		Integer reserved = ownTx.execute(status -> {
			for (int attempt = 0; attempt < 3; attempt++) {
				if (jdbc.update("update work_order_number set last_seq = last_seq + ? where order_day = ?", block, today) == 1) {
					return jdbc.queryForObject("select last_seq from work_order_number where order_day = ?", Integer.class, today);
				}
				try {
					jdbc.update("insert into work_order_number (order_day, last_seq) values (?, ?)", today, block);
					return block;
				}
				catch (DuplicateKeyException another) {
					// another node created today's row first; take a block from it
				}
			}
			throw new IllegalStateException("Could not reserve work order numbers for " + today);
		});
		day = today;
		last = reserved;
		next = reserved - block + 1;
	}
}
