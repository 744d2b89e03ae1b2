package org.minsheng.workorder.web;

import java.util.ArrayList;
import java.util.List;

import org.minsheng.platform.InvalidFieldException;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The acting department's inbox and bulk signing; caller history for agents. */
@RestController
class InboxController {

	record BulkSign(@NotEmpty @Size(max = 200) List<String> orderNos) {
	}

	private final WorkOrders orders;

	InboxController(WorkOrders orders) {
		this.orders = orders;
	}

	@GetMapping("/api/inbox")
	WorkOrders.Page<WorkOrderSummary> inbox(@RequestParam(defaultValue = "TO_SIGN") WorkOrders.InboxBox box,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return orders.inbox(box, page, size);
	}

	@PostMapping("/api/inbox/sign")
	WorkOrders.BulkResult signAll(@Valid @RequestBody BulkSign body) {
		var numbers = new ArrayList<WorkOrderNo>();
		for (int i = 0; i < body.orderNos().size(); i++) {
			var no = WorkOrderNo.normalize(body.orderNos().get(i));
			if (!WorkOrderNo.isWellFormed(no)) {
				throw new InvalidFieldException("orderNos[" + i + "]",
						"工单编号格式不对（应为 WO + 8 位日期 + 6 位序号）：" + body.orderNos().get(i));
			}
			numbers.add(new WorkOrderNo(no));
		}
		return orders.signAll(numbers);
	}

	@GetMapping("/api/callers/history")
	List<WorkOrderSummary> history(@RequestParam String phone) {
		return orders.callerHistory(phone);
	}
}
