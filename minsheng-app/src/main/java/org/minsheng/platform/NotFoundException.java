package org.minsheng.platform;

/** A record that does not exist, or that the caller's data scope does not reach (never told apart). */
public class NotFoundException extends RuntimeException {

	/** {@code 找不到工单「WO20261123000123」}: the kind in Chinese, as staff call it. */
	public NotFoundException(String kind, Object id) {
		super("找不到" + kind + "「" + id + "」");
	}
}
