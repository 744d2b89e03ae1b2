package org.minsheng.workorder.internal;

import static org.minsheng.workorder.internal.Input.blankToNull;
import static org.minsheng.workorder.internal.Input.limited;
import static org.minsheng.workorder.internal.Input.normalizedPhone;
import static org.minsheng.workorder.internal.Input.notNull;
import static org.minsheng.workorder.internal.Input.required;

import org.minsheng.category.Categories;
import org.minsheng.citizen.Citizens;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.minsheng.workorder.WorkOrderLimits;
import org.minsheng.workorder.WorkOrders.NewWorkOrder;
import org.springframework.stereotype.Component;

/**
 * Whether a registration may be taken as it is: every field within its limits, the category, the
 * citizen and the division known, coordinates given in pairs. The first mistake is refused with
 * its field, before anything is written.
 */
@Component
class RegistrationCheck {

	private final Categories categories;

	private final Citizens citizens;

	private final Divisions divisions;

	RegistrationCheck(Categories categories, Citizens citizens, Divisions divisions) {
		this.categories = categories;
		this.citizens = citizens;
		this.divisions = divisions;
	}

	void check(NewWorkOrder o) {
		notNull(o.channel(), "channel", "请选择受理渠道");
		notNull(o.requestType(), "requestType", "请选择诉求类型");
		notNull(o.urgency(), "urgency", "请选择紧急程度");
		required(o.title(), "title", "请填写标题", WorkOrderLimits.TITLE);
		required(o.content(), "content", "请填写诉求内容", WorkOrderLimits.CONTENT);
		if (o.categoryId() != null && categories.find(o.categoryId()).filter(c -> c.enabled()).isEmpty()) {
			throw new InvalidFieldException("categoryId", "没有启用的分类 " + o.categoryId());
		}
		if (o.callerPhone() != null && !o.callerPhone().isBlank()) {
			normalizedPhone(o.callerPhone(), "callerPhone");
		}
		limited(o.callerName(), "callerName", WorkOrderLimits.CALLER_NAME);
		if (o.citizenId() != null && !o.anonymous() && citizens.find(o.citizenId()).isEmpty()) {
			throw new InvalidFieldException("citizenId", "没有这位市民：" + o.citizenId());
		}
		limited(o.address(), "address", WorkOrderLimits.ADDRESS);
		var code = blankToNull(o.divisionCode());
		if (code != null && (!DivisionCode.isWellFormed(code) || divisions.find(new DivisionCode(code)).isEmpty())) {
			throw new InvalidFieldException("divisionCode", "未知的行政区划代码 " + code);
		}
		if (o.latitude() != null && (o.latitude() < -90 || o.latitude() > 90)) {
			throw new InvalidFieldException("latitude", "纬度在 -90 到 90 之间");
		}
		if (o.longitude() != null && (o.longitude() < -180 || o.longitude() > 180)) {
			throw new InvalidFieldException("longitude", "经度在 -180 到 180 之间");
		}
		if ((o.latitude() == null) != (o.longitude() == null)) {
			throw new InvalidFieldException(o.latitude() == null ? "latitude" : "longitude", "经纬度须同时填写或同时不填");
		}
		limited(o.callId(), "callId", WorkOrderLimits.CALL_ID);
		limited(o.recordingRef(), "recordingRef", WorkOrderLimits.RECORDING_REF);
		if (o.tags() != null) {
			if (o.tags().size() > WorkOrderLimits.TAGS) {
				throw new InvalidFieldException("tags", "最多 " + WorkOrderLimits.TAGS + " 个标签");
			}
			for (int i = 0; i < o.tags().size(); i++) {
				var tag = o.tags().get(i);
				if (tag == null || tag.isBlank() || tag.strip().length() > WorkOrderLimits.TAG || tag.contains(",")) {
					throw new InvalidFieldException("tags[" + i + "]", "标签为 1 到 " + WorkOrderLimits.TAG + " 个字符，不含逗号");
				}
			}
		}
		limited(o.answerOnSpot(), "answerOnSpot", WorkOrderLimits.ANSWER);
	}
}
