package org.minsheng.console;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrders;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The filtered order list as an Excel workbook, streamed row by row; each export is audited. */
@Controller
class WorkOrderExport {

	static final int MAX_ROWS = 50_000;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final List<String> HEADERS = List.of("工单号", "标题", "状态", "诉求类型", "紧急程度", "分类", "主办单位",
			"当前处理单位", "到期时间", "时限状态", "督办", "来电号码", "登记时间");

	private final WorkOrders orders;

	private final AuditTrail audit;

	WorkOrderExport(WorkOrders orders, AuditTrail audit) {
		this.orders = orders;
		this.audit = audit;
	}

	@GetMapping("/console/work-orders/export.xlsx")
	void export(@RequestParam(required = false) Set<WorkOrderState> state,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Urgency urgency, @RequestParam(required = false) WorkOrderQuery.Due due,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean supervised, HttpServletResponse response) throws IOException {
		var first = orders.list(WorkOrderPages.query(state, departmentId, categoryId, urgency, due, from, to, phone, q,
				supervised, 0, 500));
		var fileName = "work-orders-" + LocalDate.now(SHANGHAI) + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
		int rows = write(response.getOutputStream(), first, page -> orders.list(WorkOrderPages.query(state, departmentId,
				categoryId, urgency, due, from, to, phone, q, supervised, page, 500)));
		audit.record(AuditRecord.of(AuditAction.WORK_ORDERS_EXPORTED, "work_order", "list", "rows=" + rows + ", state=" + state
				+ ", department=" + departmentId + ", category=" + categoryId + ", due=" + due + ", q=" + q));
	}

	interface Pages {

		WorkOrders.Page<WorkOrderSummary> page(int page);
	}

	static int write(OutputStream out, WorkOrders.Page<WorkOrderSummary> first, Pages next) throws IOException {
		var workbook = new Workbook(out, "Minsheng", "1.0");
		var sheet = workbook.newWorksheet("工单");
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(0, c, HEADERS.get(c));
			sheet.style(0, c).bold().fillColor("F2F4F7").set();
		}
		int row = 1;
		var page = first;
		while (true) {
			for (var o : page.items()) {
				if (row > MAX_ROWS) {
					break;
				}
				int c = 0;
				sheet.value(row, c++, o.no().value());
				sheet.value(row, c++, o.title());
				sheet.value(row, c++, o.stateLabel());
				sheet.value(row, c++, o.requestType().label());
				sheet.value(row, c++, o.urgency().label());
				sheet.value(row, c++, o.categoryPath());
				sheet.value(row, c++, o.leadDepartment());
				sheet.value(row, c++, o.holderDepartment());
				sheet.value(row, c++, o.dueAt() == null ? null : MINUTE.format(o.dueAt().atZoneSameInstant(SHANGHAI)));
				sheet.value(row, c++, switch (o.warning()) {
					case "RED" -> "超期";
					case "YELLOW" -> "预警";
					default -> "正常";
				});
				sheet.value(row, c++, o.supervised() ? "是" : "");
				sheet.value(row, c++, o.callerPhone());
				sheet.value(row, c++, MINUTE.format(o.registeredAt().atZoneSameInstant(SHANGHAI)));
				row++;
			}
			if (row > MAX_ROWS || (long) (page.page() + 1) * page.size() >= page.total()) {
				break;
			}
			page = next.page(page.page() + 1);
			sheet.flush();
		}
		sheet.width(0, 20);
		sheet.width(1, 40);
		workbook.finish();
		return row - 1;
	}
}
