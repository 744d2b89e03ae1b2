package org.minsheng.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.minsheng.category.Categories;
import org.minsheng.category.Category;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.Deadlines;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work orders at a province's scale: seeds orders with a realistic spread (a year of registrations,
 * most closed, the open ones spread over the stages with their time limits, repeat callers, texts
 * from real citizen messages), then measures through the service layer, as staff would use it:
 * the filtered list, the phone look-up, the full SLA scan and the watch, and sustained
 * register+dispatch with audit and encryption on. On PostgreSQL it runs {@code pgbench -b
 * simple-update} against the same server in the same run for comparison.
 */
final class WorkOrderLoad {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Path MESSAGES = Path.of("../shared/data/gov-messages");

	record Text(String title, String content) {
	}

	static void run(String db, int orders, int seconds, int threads) throws Exception {
		try (var databases = new Databases()) {
			var context = databases.start(db, "--minsheng.workorder.deadline-scan-interval=1h",
					"--minsheng.notification.webhook-interval=1h", "--spring.datasource.hikari.maximum-pool-size=16");
			var jdbc = context.getBean(JdbcTemplate.class);
			var runAs = context.getBean(RunAs.class);
			var users = context.getBean(Users.class);
			var departments = context.getBean(Departments.class);
			var categories = context.getBean(Categories.class);
			var divisions = context.getBean(Divisions.class);
			var cipher = context.getBean(PersonalDataCipher.class);
			var calendar = context.getBean(WorkingCalendar.class);
			var service = context.getBean(WorkOrders.class);
			var deadlines = context.getBean(Deadlines.class);

			var root = runAs.asUser("admin", () -> departments.visible().getFirst().id());
			var streetsByDistrict = new HashMap<Long, List<Long>>();
			var districtCodes = divisions.children(new DivisionCode("4403"));
			var targets = new ArrayList<Long>();
			var streetCodes = new HashMap<Long, String>();
			runAs.asUser("admin", () -> {
				for (var district : districtCodes) {
					var d = departments.create(new Departments.NewDepartment(district.name() + "政府", DepartmentType.DISTRICT,
							root, district.code().value()));
					targets.add(d.id().value());
					var streets = new ArrayList<Long>();
					for (var street : divisions.children(district.code())) {
						var s = departments.create(new Departments.NewDepartment(street.name() + "办事处",
								DepartmentType.STREET, d.id(), street.code().value()));
						streets.add(s.id().value());
						streetCodes.put(s.id().value(), street.code().value());
					}
					streetsByDistrict.put(d.id().value(), streets);
				}
				for (var bureau : List.of("住房和建设局", "交通运输局", "生态环境局", "市场监督管理局", "人力资源和社会保障局", "教育局",
						"卫生健康委员会", "城市管理和综合执法局", "水务局", "公安局", "民政局", "规划和自然资源局")) {
					targets.add(departments.create(new Departments.NewDepartment(bureau, DepartmentType.BUREAU, root, null))
						.id()
						.value());
				}
				users.create(new Users.NewUser("agent_bench", "话务员", root, Set.of(Role.AGENT), "Agent-Bench-2026", false));
				users.create(new Users.NewUser("dispatcher_bench", "派单员", root, Set.of(Role.DISPATCHER),
						"Dispatcher-Bench-2026", false));
				users.create(new Users.NewUser("center_bench", "受理派单员", root, Set.of(Role.AGENT, Role.DISPATCHER),
						"Center-Bench-2026", false));
				return null;
			});
			var leaves = categories.all().stream().filter(c -> c.level() == 3).map(Category::id).toList();
			var texts = texts();
			System.out.printf("%d departments, %d categories, %d message texts%n", targets.size()
					+ streetCodes.size(), leaves.size(), texts.size());

			long seedStart = System.nanoTime();
			var seeded = seed(jdbc, cipher, calendar, db, orders, targets, streetsByDistrict, streetCodes, leaves, texts);
			System.out.printf("seeded %d orders (%s): %d open, %d assignments, %d clocks, %d timeline entries in %.0f s%n",
					orders, db, seeded[0], seeded[1], seeded[2], seeded[3], (System.nanoTime() - seedStart) / 1e9);

			var random = new SplittableRandom(7);
			// filtered list: department + state + due window, page of 50, as a dispatcher (whole city in scope)
			var open = Set.of(WorkOrderState.DISPATCHED, WorkOrderState.IN_PROGRESS);
			measure("filtered list (department + state + due window, page of 50)", 300, 3_000, () -> {
				var department = targets.get(random.nextInt(targets.size()));
				var page = runAs.asUser("dispatcher_bench",
						() -> service.list(new WorkOrderQuery(open, new DepartmentId(department), null, null,
								WorkOrderQuery.Due.SOON, 72, null, null, null, null, false, 0, 50)));
				return page.items().size();
			});
			measure("phone look-up (caller history)", 500, 5_000, () -> {
				var phone = phone(random.nextInt(orders / 2));
				return runAs.asUser("agent_bench", () -> service.callerHistory(phone)).size();
			});
			measure("order by number (view with timeline)", 200, 2_000, () -> {
				var id = 1 + random.nextInt(orders);
				var no = jdbc.queryForObject("select order_no from work_order where id = ?", String.class, id);
				return runAs.asUser("dispatcher_bench", () -> service.find(new WorkOrderNo(no)).isPresent() ? 1 : 0);
			});

			var words = List.of("物业", "噪音", "停车", "拆迁", "学校", "公交", "污染", "工资");
			measure("free-text filter (one word in title or content, whole city, page of 50)", 5, 50, () -> {
				var word = words.get(random.nextInt(words.size()));
				return runAs.asUser("dispatcher_bench", () -> service.list(new WorkOrderQuery(null, null, null, null,
						null, null, null, null, null, word, false, 0, 50))).items().size();
			});

			var overview = deadlines.overview();
			overview = deadlines.overview();
			System.out.printf("full SLA scan: %d running limits (%d paused): %d on time, %d warned, %d overdue in %d ms%n",
					overview.running(), overview.paused(), overview.onTime(), overview.warned(), overview.overdue(),
					overview.took().toMillis());
			long checkStart = System.nanoTime();
			int marks = deadlines.check();
			System.out.printf("deadline watch: %d warnings and overdue marks in %.1f s (%.0f marks/s)%n", marks,
					(System.nanoTime() - checkStart) / 1e9, marks / ((System.nanoTime() - checkStart) / 1e9));
			checkStart = System.nanoTime();
			System.out.printf("deadline watch again: %d marks in %d ms%n", deadlines.check(),
					(System.nanoTime() - checkStart) / 1_000_000);

			double[] run = registerAndDispatch(runAs, service, targets, leaves, texts, seconds, threads, db);
			double drained = screeningBacklog(jdbc);
			System.out.printf("sustained, every order screened: %.0f orders in %.1f s = %.0f orders/s%n", run[0],
					run[1] + drained, run[0] / (run[1] + drained));
			if (db.equals("pg")) {
				pgbench(databases.postgresPort(), seconds, threads);
			}
		}
	}

	interface Probe {

		int run();
	}

	static void measure(String name, int warmup, int n, Probe probe) {
		for (int i = 0; i < warmup; i++) {
			probe.run();
		}
		var nanos = new long[n];
		long rows = 0;
		for (int i = 0; i < n; i++) {
			long t = System.nanoTime();
			rows += probe.run();
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		System.out.printf("%s: %d runs, %.1f rows each: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", name, n,
				(double) rows / n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6,
				nanos[n - 1] / 1e6);
	}

	/** Registers and dispatches for the given seconds; returns the orders done and the seconds taken. */
	static double[] registerAndDispatch(RunAs runAs, WorkOrders service, List<Long> targets, List<Long> leaves,
			List<Text> texts, int seconds, int threads, String db) throws InterruptedException {
		var stop = new AtomicBoolean();
		var done = new AtomicLong();
		var failed = new AtomicLong();
		var workers = new ArrayList<Thread>();
		// warm-up
		runAs.asUser("center_bench", () -> {
			runOrders(service, targets, leaves, texts, 300, new SplittableRandom(1));
			return null;
		});
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			var random = new SplittableRandom(100 + t);
			// each worker is one logged-in member of the center staff who registers and dispatches
			workers.add(Thread.ofPlatform().start(() -> runAs.asUser("center_bench", () -> {
				while (!stop.get()) {
					try {
						runOrders(service, targets, leaves, texts, 1, random);
						done.incrementAndGet();
					}
					catch (RuntimeException e) {
						if (failed.incrementAndGet() < 5) {
							e.printStackTrace();
						}
					}
				}
				return null;
			})));
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (var w : workers) {
			w.join();
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("register+dispatch through the service layer (%s, %d threads, audit and SM4 on): %d orders"
				+ " in %.1f s = %.0f orders/s (%d failed)%n", db, threads, done.get(), took, done.get() / took,
				failed.get());
		return new double[] { done.get(), took };
	}

	/**
	 * Screening (risk, near-duplicates, bursts) runs after each registration commits, off the measured
	 * path: how far it lagged when the registrations stopped, and how long it took to catch up.
	 */
	static double screeningBacklog(JdbcTemplate jdbc) throws InterruptedException {
		long backlog = jdbc.queryForObject("select count(*) from work_order_screening", Long.class);
		long start = System.nanoTime();
		long left = backlog;
		while (left > 0 && System.nanoTime() - start < 600_000_000_000L) {
			Thread.sleep(200);
			left = jdbc.queryForObject("select count(*) from work_order_screening", Long.class);
		}
		System.out.printf("screening after the run: %d registrations not yet screened when it stopped, %d left after"
				+ " %.1f s%n", backlog, left, (System.nanoTime() - start) / 1e9);
		return (System.nanoTime() - start) / 1e9;
	}

	static void runOrders(WorkOrders service, List<Long> targets, List<Long> leaves, List<Text> texts, int n,
			SplittableRandom random) {
		for (int i = 0; i < n; i++) {
			var text = texts.get(random.nextInt(texts.size()));
			var category = leaves.get(random.nextInt(leaves.size()));
			var phone = phone(random.nextInt(10_000_000));
			var view = service.register(new WorkOrders.NewWorkOrder(Channel.PHONE, RequestType.COMPLAINT, category,
					Urgency.NORMAL, text.title(), text.content(), null, "张三", phone, false, false, "深圳市南山区南头街道",
					"440305001", null, null, null, null, List.of(), null));
			var lead = targets.get(random.nextInt(targets.size()));
			service.dispatch(view.no(), new WorkOrders.Dispatch(new DepartmentId(lead), List.of(), "请核实处理", false));
		}
	}

	static void pgbench(int port, int seconds, int threads) throws IOException, InterruptedException {
		var env = Map.of("PGPASSWORD", "postgres");
		run(env, "psql", "-h", "localhost", "-p", "" + port, "-U", "postgres", "-d", "postgres", "-qc",
				"create database pgbench");
		run(env, "pgbench", "-i", "-q", "-s", "10", "-h", "localhost", "-p", "" + port, "-U", "postgres", "pgbench");
		var out = run(env, "pgbench", "-b", "simple-update", "-c", "" + threads, "-j", "2", "-T", "" + seconds, "-h",
				"localhost", "-p", "" + port, "-U", "postgres", "pgbench");
		out.lines().filter(l -> l.startsWith("tps") || l.contains("latency average")).forEach(l ->
				System.out.println("pgbench -b simple-update -c " + threads + ": " + l));
	}

	static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
		var pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().putAll(env);
		var p = pb.start();
		var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

	static String phone(int caller) {
		return "13" + String.format("%09d", caller * 7L % 1_000_000_000L);
	}

	/** Seeds through JDBC batches, with the application's cipher; returns open orders, assignments, clocks, entries. */
	static long[] seed(JdbcTemplate jdbc, PersonalDataCipher cipher, WorkingCalendar calendar, String db, int orders,
			List<Long> targets, Map<Long, List<Long>> streetsByDistrict, Map<Long, String> streetCodes,
			List<Long> leaves, List<Text> texts) {
		var random = new SplittableRandom(2026);
		var today = LocalDate.now(SHANGHAI);
		var now = ZonedDateTime.now(SHANGHAI);
		var perDay = new HashMap<LocalDate, Integer>();
		long[] counts = new long[4];
		long assignmentId = 0;
		long clockId = 0;
		var streets = new ArrayList<>(streetCodes.keySet());
		var hours = calendar.workingHours().perDay();
		for (int from = 0; from < orders; from += 5_000) {
			var orderRows = new ArrayList<Object[]>();
			var assignmentRows = new ArrayList<Object[]>();
			var clockRows = new ArrayList<Object[]>();
			var timelineRows = new ArrayList<Object[]>();
			var signatureRows = new ArrayList<Object[]>();
			var bandRows = new ArrayList<Object[]>();
			for (int i = from; i < Math.min(orders, from + 5_000); i++) {
				long id = i + 1;
				var day = today.minusDays(1 + random.nextInt(365));
				// the open orders are the recent ones; older orders are closed
				var recent = random.nextInt(100) < 30;
				if (recent) {
					day = today.minusDays(random.nextInt(100) < 80 ? 1 + random.nextInt(6) : 1 + random.nextInt(20));
				}
				var registered = day.atTime(8 + random.nextInt(12), random.nextInt(60), random.nextInt(60)).atZone(SHANGHAI);
				int seq = perDay.merge(day, 1, Integer::sum);
				var no = WorkOrderNo.of(day, seq).value();
				var text = texts.get(random.nextInt(texts.size()));
				var phone = phone(random.nextInt(Math.max(1, orders / 2)));
				var urgencyRoll = random.nextInt(100);
				var urgency = urgencyRoll < 3 ? Urgency.EXTRA_URGENT : urgencyRoll < 15 ? Urgency.URGENT : Urgency.NORMAL;
				var type = RequestType.values()[random.nextInt(RequestType.values().length)];
				var street = streets.get(random.nextInt(streets.size()));
				WorkOrderState state;
				if (!recent) {
					state = random.nextInt(100) < 95 ? WorkOrderState.CLOSED : WorkOrderState.WITHDRAWN;
				}
				else {
					int r = random.nextInt(100);
					state = r < 10 ? WorkOrderState.PENDING_DISPATCH : r < 25 ? WorkOrderState.DISPATCHED
							: r < 65 ? WorkOrderState.IN_PROGRESS : r < 70 ? WorkOrderState.RETURNED
									: r < 80 ? WorkOrderState.REPLIED : r < 90 ? WorkOrderState.PENDING_CALLBACK
											: WorkOrderState.CLOSED;
				}
				Long lead = null;
				if (state != WorkOrderState.PENDING_DISPATCH && state != WorkOrderState.WITHDRAWN) {
					lead = targets.get(random.nextInt(targets.size()));
				}
				Long holder = state == WorkOrderState.DISPATCHED || state == WorkOrderState.IN_PROGRESS ? lead : null;
				var dispatched = registered.plusMinutes(5 + random.nextInt(120));
				OffsetDateTime dueAt = null;
				String warning = "NONE";
				if (lead != null) {
					assignmentRows.add(new Object[] { ++assignmentId, id, lead, 1, "LEAD",
							holder == null ? (state == WorkOrderState.RETURNED ? "RETURNED" : "REPLIED")
									: state == WorkOrderState.DISPATCHED ? "DISPATCHED" : "SIGNED",
							dispatched.toOffsetDateTime(), "dispatcher_bench" });
					var subs = streetsByDistrict.get(lead);
					if (holder != null && subs != null && !subs.isEmpty() && random.nextInt(100) < 30) {
						assignmentRows.add(new Object[] { ++assignmentId, id, subs.get(random.nextInt(subs.size())), 2,
								"LEAD", "REPLIED", dispatched.plusHours(2).toOffsetDateTime(), "bench" });
					}
				}
				if (holder != null) {
					var days = urgency == Urgency.NORMAL ? 5 : 1;
					var budget = hours.multipliedBy(days);
					var due = calendar.plus(dispatched, budget);
					var warn = calendar.plus(dispatched, Duration.ofNanos((long) (budget.toNanos() * 0.8)));
					boolean overdue = !due.isAfter(now);
					boolean warned = !warn.isAfter(now);
					// most past thresholds were marked by earlier runs of the watch; a few are left for this one
					boolean marked = random.nextInt(100) >= 2;
					var warnedAt = warned && marked ? warn : null;
					var overdueAt = overdue && marked ? due : null;
					var next = overdueAt != null ? null : warnedAt != null ? due : warn;
					clockRows.add(new Object[] { ++clockId, id, "HANDLE", lead, "WORKING", dispatched.toOffsetDateTime(),
							budget.toSeconds(), due.toOffsetDateTime(), warn.toOffsetDateTime(), off(warnedAt),
							off(overdueAt), next == null ? null : next.toOffsetDateTime() });
					dueAt = due.toOffsetDateTime();
					warning = overdueAt != null ? "RED" : warnedAt != null ? "YELLOW" : "NONE";
				}
				var closed = state == WorkOrderState.CLOSED || state == WorkOrderState.WITHDRAWN;
				orderRows.add(new Object[] { id, no, "PHONE", type.name(), leaves.get(random.nextInt(leaves.size())),
						urgency.name(), text.title(), text.content(), cipher.encrypt("张三"), cipher.encrypt(phone),
						cipher.blindIndex(PersonalDataKind.PHONE, phone), "深圳市" + streetCodes.get(street),
						streetCodes.get(street), state.name(), lead, holder, dueAt, warning, "agent_bench",
						registered.toOffsetDateTime(), closed ? registered.plusDays(3).toOffsetDateTime() : null,
						registered.toOffsetDateTime() });
				timelineRows.add(new Object[] { id, 1, registered.toOffsetDateTime(), "REGISTERED", null,
						"PENDING_DISPATCH", "agent_bench", "话务员" });
				counts[0] += state.open() ? 1 : 0;
				if (state.open()) {
					// the fingerprint and bands the screening kept when it was registered
					var district = streetCodes.get(street).substring(0, 6);
					var signature = org.minsheng.nlp.TextSignature.of(text.title() + "\n" + text.content());
					signatureRows.add(new Object[] { no, district, org.minsheng.nlp.TextSignature.encode(signature),
							registered.toOffsetDateTime() });
					for (long key : java.util.Arrays.stream(org.minsheng.nlp.TextSignature.bandKeys(signature)).distinct().toArray()) {
						bandRows.add(new Object[] { no, key, district, registered.toOffsetDateTime() });
					}
				}
			}
			jdbc.batchUpdate("insert into nlp_order_signature (no, district, signature, registered_at, open)"
					+ " values (?, ?, ?, ?, true)", signatureRows);
			jdbc.batchUpdate("insert into nlp_signature_band (no, band_key, district, registered_at) values (?, ?, ?, ?)",
					bandRows);
			jdbc.batchUpdate("insert into work_order (id, order_no, channel, request_type, category_id, urgency, title,"
					+ " content, caller_name_cipher, caller_phone_cipher, caller_phone_index, address, division_code, state,"
					+ " lead_department_id, holder_department_id, due_at, warning, registered_by, registered_at, closed_at,"
					+ " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orderRows);
			jdbc.batchUpdate("insert into work_order_assignment (id, order_id, department_id, level, role, state,"
					+ " dispatched_at, dispatched_by) values (?, ?, ?, ?, ?, ?, ?, ?)", assignmentRows);
			jdbc.batchUpdate("insert into work_order_clock (id, order_id, stage, department_id, basis, started_at,"
					+ " budget_seconds, due_at, warn_at, warned_at, overdue_at, next_check_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", clockRows);
			jdbc.batchUpdate("insert into work_order_timeline (order_id, seq, occurred_at, action, from_state, to_state,"
					+ " actor, actor_name) values (?, ?, ?, ?, ?, ?, ?, ?)", timelineRows);
			counts[1] += assignmentRows.size();
			counts[2] += clockRows.size();
			counts[3] += timelineRows.size();
		}
		for (var e : perDay.entrySet()) {
			jdbc.update("insert into work_order_number (order_day, last_seq) values (?, ?)", e.getKey(), e.getValue());
		}
		if (db.equals("pg")) {
			for (var table : List.of("work_order", "work_order_assignment", "work_order_clock", "work_order_timeline")) {
				jdbc.queryForObject("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
						+ table + "))", Long.class);
				jdbc.execute("analyze " + table);
			}
		}
		else {
			for (var table : List.of("work_order", "work_order_assignment", "work_order_clock", "work_order_timeline")) {
				Long max = jdbc.queryForObject("select max(id) from " + table, Long.class);
				jdbc.execute("alter table " + table + " alter column id restart with " + (max + 1));
			}
		}
		return counts;
	}

	private static OffsetDateTime off(ZonedDateTime value) {
		return value == null ? null : value.toOffsetDateTime();
	}

	/** Titles and texts of real citizen messages (used only inside the benchmark, not shipped). */
	static List<Text> texts() throws IOException {
		var result = new ArrayList<Text>();
		for (var file : List.of("messages_with_official_replies.csv", "labeled-dev.csv",
				"messages_unlabeled_with_votes.csv")) {
			var records = Csv.parse(Files.readString(MESSAGES.resolve(file), StandardCharsets.UTF_8));
			var header = records.getFirst();
			int title = header.indexOf("title");
			int detail = header.indexOf("detail");
			for (var r : records.subList(1, records.size())) {
				if (r.size() > Math.max(title, detail) && !r.get(title).isBlank()) {
					var content = r.get(detail).strip();
					result.add(new Text(cut(r.get(title).strip(), 200), cut(content.isEmpty() ? r.get(title) : content, 4000)));
				}
			}
		}
		return result;
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** RFC 4180: quoted fields may hold commas, quotes and line breaks. */
	static final class Csv {

		static List<List<String>> parse(String text) {
			var records = new ArrayList<List<String>>();
			var record = new ArrayList<String>();
			var field = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					record.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n') {
					record.add(field.toString().replace("\r", ""));
					field.setLength(0);
					records.add(record);
					record = new ArrayList<>();
				}
				else {
					field.append(c);
				}
			}
			if (!field.isEmpty() || !record.isEmpty()) {
				record.add(field.toString());
				records.add(record);
			}
			return records;
		}
	}
}
