package org.minsheng.workorder.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param warnShare the share of a time limit after which an order is warned (预警), 0..1
 * @param maxReopens how often a dissatisfied callback reopens an order (重办) before it closes anyway
 * @param autoDispatch whether registered orders are dispatched when an advisor is confident enough
 * @param autoDispatchConfidence the confidence a suggestion needs to dispatch without a person
 * @param deadlineScanInterval how often the deadline watch looks for warnings and overdue limits
 * @param numberBlock how many order numbers a node reserves at a time
 * @param lookupsPerClient public status lookups one client address may make per {@code lookupWindow}
 * @param failuresPerOrder wrong phone digits for one order number from one client address that keep
 *     that address from looking the order up for {@code lookupWindow} (the citizen elsewhere goes on)
 * @param failuresPerOrderEverywhere wrong phone digits for one order number from all addresses that
 *     close it to look-ups for {@code lookupWindow} (a spread attack)
 * @param lookupWindow the window of the lookup limits
 */
@ConfigurationProperties("minsheng.workorder")
record WorkOrderSettings(@DefaultValue("0.8") double warnShare, @DefaultValue("2") int maxReopens,
		@DefaultValue("true") boolean autoDispatch, @DefaultValue("0.9") double autoDispatchConfidence,
		@DefaultValue("30s") Duration deadlineScanInterval, @DefaultValue("20") int numberBlock,
		@DefaultValue("30") int lookupsPerClient, @DefaultValue("5") int failuresPerOrder,
		@DefaultValue("50") int failuresPerOrderEverywhere, @DefaultValue("15m") Duration lookupWindow) {

	WorkOrderSettings {
		if (warnShare <= 0 || warnShare >= 1) {
			throw new IllegalArgumentException("minsheng.workorder.warn-share lies strictly between 0 and 1");
		}
		if (maxReopens < 0) {
			throw new IllegalArgumentException("minsheng.workorder.max-reopens cannot be negative");
		}
	}
}
