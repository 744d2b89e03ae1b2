package org.minsheng.platform;

/**
 * A request that clashes with the current state of a record. State-machine rejections use
 * {@link #illegalTransition} so that every one reads the same way.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

	/**
	 * {@code 工单「WO20261123000123」当前为「已答复」，不能签收}: the kind, the action and the state in
	 * Chinese, as staff call them.
	 */
	public static ConflictException illegalTransition(String action, String kind, Object id, Object state) {
		return new ConflictException(kind + "「" + id + "」当前为「" + state + "」，不能" + action);
	}
}
