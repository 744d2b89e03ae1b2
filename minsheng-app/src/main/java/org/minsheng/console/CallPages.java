package org.minsheng.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.minsheng.contact.CallDisposition;
import org.minsheng.contact.ContactCenter;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.NotFoundException;
import org.minsheng.sip.CallId;
import org.minsheng.workorder.WorkOrders;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Calls in the console (通话记录): the list with its filters and count, one call with its legs,
 * queue events, recording and the orders registered during it. Supervisors see every call, agents
 * their own; playing a recording is audited like any personal-data read.
 */
@Controller
class CallPages {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final int PAGE = 50;

	private final ContactCenter center;

	private final WorkOrders orders;

	private final CurrentActor current;

	CallPages(ContactCenter center, WorkOrders orders, CurrentActor current) {
		this.center = center;
		this.orders = orders;
		this.current = current;
	}

	@GetMapping("/console/calls")
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String agent, @RequestParam(required = false) CallDisposition disposition,
			@RequestParam(defaultValue = "0") int page, Model model) {
		// who may read which calls is the contact center's to say (agents their own, supervisors all)
		int p = Math.max(0, page);
		var query = new ContactCenter.CallQuery(from == null ? null : from.atStartOfDay(SHANGHAI).toOffsetDateTime(),
				to == null ? null : to.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime(),
				agent == null || agent.isBlank() ? null : agent.strip(), disposition, PAGE, p * PAGE);
		long total = center.countCalls(query);
		model.addAttribute("calls", center.calls(query));
		model.addAttribute("total", total);
		model.addAttribute("page", p);
		model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
		model.addAttribute("fromDate", from);
		model.addAttribute("toDate", to);
		model.addAttribute("agent", agent);
		model.addAttribute("disposition", disposition);
		model.addAttribute("dispositions", CallDisposition.values());
		model.addAttribute("allAgents", current.get().can(Permission.CONTACT_SUPERVISE));
		model.addAttribute("zone", SHANGHAI);
		return "calls";
	}

	@GetMapping("/console/calls/{callId}")
	String one(@PathVariable CallId callId, Model model) {
		var call = center.call(callId).orElseThrow(() -> new NotFoundException("通话", callId));
		model.addAttribute("call", call);
		model.addAttribute("orders", current.get().can(Permission.WORKORDER_READ)
				? orders.registeredDuring(callId.value()) : List.of());
		model.addAttribute("zone", SHANGHAI);
		return "call";
	}

	/** The recording for the page's player: inline, with byte ranges so that it can be played from any point. */
	@GetMapping("/console/calls/{callId}/recording")
	ResponseEntity<Resource> recording(@PathVariable CallId callId) {
		var file = center.recording(callId).orElseThrow(() -> new NotFoundException("通话录音", callId));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav")).body(new FileSystemResource(file));
	}
}
