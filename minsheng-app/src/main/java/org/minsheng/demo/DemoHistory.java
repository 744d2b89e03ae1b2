package org.minsheng.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.minsheng.audit.AuditSource;
import org.minsheng.category.Categories;
import org.minsheng.category.Category;
import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.region.Division;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.DivisionLevel;
import org.minsheng.region.Divisions;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.understanding.Understanding;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderRules;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The demo city's last 90 days: a few hundred citizens' requests (written for 深圳, see
 * {@code data/demo/cases.csv}) registered, dispatched, returned and dispatched again, signed,
 * extended, supervised, replied, reviewed and called back, each step played through the platform's
 * own services at the moment it happened ({@link SeedingClock}), so time limits, warnings, the
 * timeline and the audit trail are what they would be; steps that would lie in the future are not
 * played, so the latest orders wait in every state of the loop. Also writes the 权责清单 for the
 * demo's categories in every district and trains the category and department models on the closed
 * orders. Runs once, on the first start of a demo city, when the application is ready (the
 * taxonomy is seeded then).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve", matchIfMissing = true)
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	static final int DAYS = 90;

	/** One case as written in {@code cases.csv}. */
	record Case(String category, RequestType type, String department, int weight, String title, String content,
			String reply) {
	}

	/** A step of one order, played as {@code user} at {@code at}; false when it could not be played. */
	record Step(ZonedDateTime at, String user, int order, String what, Supplier<Boolean> play) {
	}

	private static final String[] COMMUNITIES = { "锦绣花园", "翠竹苑", "海景华庭", "碧水龙庭", "桃源居", "阳光家园", "金色年华",
			"丽景城", "幸福里", "东方半岛", "春华四季园", "南山村", "滨海之窗", "星河明居", "绿景新苑" };

	private static final String[] ROADS = { "深南大道", "北环大道", "滨海大道", "南海大道", "科苑路", "沙河西路", "布吉路", "宝安大道",
			"龙岗大道", "梅观路", "红荔路", "香蜜湖路", "建设路", "人民路", "创业路" };

	private static final String[] SURNAMES = { "陈", "李", "王", "张", "刘", "黄", "林", "吴", "周", "郑", "何", "罗" };

	private final WorkOrders orders;

	private final WorkOrderRules rules;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final Divisions divisions;

	private final Users users;

	private final RunAs runAs;

	private final SeedingClock clock;

	private final WorkingCalendar calendar;

	private final Understanding understanding;

	private final int orderCount;

	DemoHistory(WorkOrders orders, WorkOrderRules rules, Categories categories, DepartmentDirectory directory,
			Divisions divisions, Users users, RunAs runAs, SeedingClock clock, WorkingCalendar calendar,
			Understanding understanding, @Value("${minsheng.demo.history-orders:400}") int orderCount) {
		this.orders = orders;
		this.rules = rules;
		this.categories = categories;
		this.directory = directory;
		this.divisions = divisions;
		this.users = users;
		this.runAs = runAs;
		this.clock = clock;
		this.calendar = calendar;
		this.understanding = understanding;
		this.orderCount = orderCount;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void play() {
		if (orderCount <= 0 || !freshDemoCity()) return;
		AuditSource.during(DemoCity.SOURCE, () -> {
			playHistory();
			return null;
		});
	}

	private void playHistory() {
		long started = System.nanoTime();
		log.warn("演示数据：正在生成近 {} 天的 {} 张工单（只在首次启动时进行）…", DAYS, orderCount);
		var now = ZonedDateTime.now(Clock.system(clock.getZone()));
		var cases = cases();
		var byPath = new HashMap<String, Category>();
		categories.all().forEach(c -> byPath.put(c.path(), c));
		var districts = divisions.children(DemoCity.CITY).stream().filter(d -> d.level() == DivisionLevel.DISTRICT).toList();
		var handlers = new HashMap<Long, String>();
		runAs.asUser("admin", () -> {
			responsibilities(cases, byPath, districts);
			return null;
		});
		var steps = plan(cases, byPath, districts, handlers, now);
		steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
		var outcome = new EnumMap<Outcome, Integer>(Outcome.class);
		var reasons = new java.util.TreeMap<String, Integer>();
		try {
			for (var step : steps) {
				clock.play(step.at().toInstant());
				boolean done;
				try {
					done = runAs.asUser(step.user(), step.play());
				}
				catch (RuntimeException e) {
					reasons.merge(step.what() + "：" + e.getMessage(), 1, Integer::sum);
					done = false;
				}
				outcome.merge(done ? Outcome.PLAYED : Outcome.SKIPPED, 1, Integer::sum);
			}
		}
		finally {
			clock.release();
		}
		reasons.forEach((reason, times) -> log.info("演示数据：{} 次未执行：{}", times, reason));
		var trained = runAs.asUser("supervisor01", this::train);
		log.warn("演示数据：近 {} 天的工单已生成（{} 个步骤，{} 个未执行），{}；用时 {} 秒", DAYS,
				outcome.getOrDefault(Outcome.PLAYED, 0), outcome.getOrDefault(Outcome.SKIPPED, 0), trained,
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

	private enum Outcome {
		PLAYED, SKIPPED
	}

	/** A demo city seeded just now: its dispatcher exists and no order has been registered yet. */
	private boolean freshDemoCity() {
		try {
			return runAs.asUser("dispatcher01", () -> orders.list(WorkOrderQuery.all()).total() == 0);
		}
		catch (RuntimeException notADemoCity) {
			return false;
		}
	}

	private String train() {
		var out = new ArrayList<String>();
		for (var kind : List.of("category", "department")) {
			try {
				var version = understanding.train(kind);
				out.add("%s模型 v%d（%d 条样本，macro-F1 %.2f）".formatted(kind.equals("category") ? "分类" : "部门",
						version.version(), version.examples(), version.macroF1()));
			}
			catch (RuntimeException e) {
				out.add((kind.equals("category") ? "分类" : "部门") + "模型未训练：" + e.getMessage());
			}
		}
		return String.join("，", out);
	}

	/** 权责清单: each case's category answered by its department in every district (city bureaus once, for the city). */
	private void responsibilities(List<Case> cases, Map<String, Category> byPath, List<Division> districts) {
		var done = new java.util.HashSet<String>();
		for (var c : cases) {
			var category = byPath.get(c.category());
			if (category == null || c.department().equals("街道")) continue;
			if (c.department().startsWith("市/")) {
				if (!done.add(c.category() + "@city")) continue;
				department(c.department(), null, null).ifPresent(d -> rules.addResponsibility(
						new WorkOrderRules.NewResponsibility(category.id(), DemoCity.CITY.value(), d.id().value(), List.of(),
								"演示：市级职能部门")));
				continue;
			}
			for (var district : districts) {
				if (!done.add(c.category() + "@" + district.code().value())) continue;
				department(c.department(), district, null).ifPresent(d -> rules.addResponsibility(
						new WorkOrderRules.NewResponsibility(category.id(), district.code().value(), d.id().value(),
								List.of(), "演示：区级职能部门")));
			}
		}
	}

	/** The department a case names: 市/局, 区/局 of the district, or the street's office. */
	private Optional<Department> department(String spec, Division district, Division street) {
		String name;
		if (spec.startsWith("市/")) {
			name = divisions.find(DemoCity.CITY).orElseThrow().name() + spec.substring(2);
		}
		else if (spec.startsWith("区/")) {
			name = district.name() + spec.substring(2);
		}
		else {
			name = street.name() + (street.name().endsWith("街道") ? "办事处" : "人民政府");
		}
		return directory.named(name).stream().findFirst();
	}

	private List<Step> plan(List<Case> cases, Map<String, Category> byPath, List<Division> districts,
			Map<Long, String> handlers, ZonedDateTime now) {
		var random = new Random(12345);
		int totalWeight = cases.stream().mapToInt(Case::weight).sum();
		var steps = new ArrayList<Step>();
		var start = now.truncatedTo(ChronoUnit.DAYS).minusDays(DAYS);
		var callers = new ArrayList<String[]>();
		// a 群体诉求 three weeks ago: the same night-time building site, many neighbours within two days
		int burstFrom = orderCount - orderCount / 25;
		var burstDistrict = districts.get(Math.min(4, districts.size() - 1));
		var burstStreet = divisions.children(burstDistrict.code()).getFirst();
		var burstDay = now.truncatedTo(ChronoUnit.DAYS).minusDays(21);
		for (int i = 0; i < orderCount; i++) {
			boolean burst = i >= burstFrom;
			var c = burst ? cases.getFirst() : pick(cases, totalWeight, random);
			var category = byPath.get(c.category());
			var district = burst ? burstDistrict : districts.get(random.nextInt(districts.size()));
			var streets = divisions.children(district.code());
			var street = burst ? burstStreet : streets.get(random.nextInt(streets.size()));
			var registered = burst ? burstDay.plusHours(19 + random.nextInt(5)).plusMinutes(random.nextInt(60)).plusDays(random.nextInt(2))
					: registrationMoment(start, now, random);
			if (!registered.isBefore(now)) continue;
			var lead = department(c.department(), district, street);
			if (category == null || lead.isEmpty()) {
				log.warn("演示数据：案例「{}」的分类或承办部门（{}）不存在，跳过", c.title(), category == null ? c.category() : c.department());
				continue;
			}
			var words = Map.of("{区}", district.name(), "{街道}", street.name(), "{小区}",
					burst ? COMMUNITIES[0] : COMMUNITIES[random.nextInt(COMMUNITIES.length)], "{路}",
					ROADS[random.nextInt(ROADS.length)]);
			var title = fill(c.title(), words);
			var content = fill(c.content(), words);
			String[] caller;
			if (!callers.isEmpty() && random.nextInt(10) == 0) {
				caller = callers.get(random.nextInt(callers.size()));
			}
			else {
				caller = new String[] { SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士"),
						"1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)) };
				callers.add(caller);
			}
			var channel = channel(random);
			var urgency = random.nextInt(20) == 0 ? Urgency.URGENT : Urgency.NORMAL;
			boolean onSpot = c.type() == RequestType.CONSULTATION && random.nextInt(100) < 45;
			var slot = new WorkOrderNo[1];
			int n = i;
			steps.add(new Step(registered, "agent01", n, "登记", () -> {
				var view = orders.register(new WorkOrders.NewWorkOrder(channel, c.type(), category.id(), urgency, title,
						content, null, caller[0], caller[1], false, false, null, street.code().value(), null, null, null,
						null, List.of(), onSpot ? c.reply() : null));
				slot[0] = view.no();
				return true;
			}));
			if (onSpot) continue;
			var no = (Supplier<WorkOrderNo>) () -> slot[0];
			var leadId = lead.get().id();
			var handler = handler(lead.get(), handlers);
			var at = atWork(registered.plusMinutes(10 + random.nextInt(80)), random);
			if (c.department().equals("街道") && random.nextInt(100) < 15) {
				// first sent to the district's housing bureau, which returns it as not its duty (a street's
				// case has no 权责清单 entry, so the dispatcher chooses)
				var wrong = department("区/住房和建设局", district, street).filter(d -> !d.id().equals(leadId));
				if (wrong.isPresent()) {
					var wrongHandler = handler(wrong.get(), handlers);
					steps.add(step(at, "dispatcher01", n, "派单", () -> orders.dispatch(no.get(),
							new WorkOrders.Dispatch(wrong.get().id(), List.of(), "请核实处理", false))));
					at = work(at, Duration.ofHours(2 + random.nextInt(5)));
					steps.add(step(at, wrongHandler, n, "退单", () -> orders.returnOrder(no.get(),
							"经核实，该诉求不属于我单位职责范围，建议转" + lead.get().name() + "办理")));
					at = at.plusMinutes(20 + random.nextInt(40));
				}
			}
			var leadDepartment = leadId;
			// an order the 权责清单 names a department for was dispatched at its registration
			steps.add(step(at, "dispatcher01", n, "派单", () -> waiting(no.get())
					? orders.dispatch(no.get(), new WorkOrders.Dispatch(leadDepartment, List.of(), "请按时办理并回复市民", false))
					: null));
			// each stage takes from minutes to days, so the latest orders wait at every stage on any day
			at = work(at, Duration.ofMinutes(30 + random.nextInt(12 * 60)));
			steps.add(step(at, handler, n, "签收", () -> orders.sign(no.get())));
			if (random.nextInt(100) < 5) {
				var asked = work(at, Duration.ofHours(8 + random.nextInt(8)));
				steps.add(step(asked, handler, n, "申请延期", () -> orders.requestExtension(no.get(),
						"需协调多个部门现场处置，申请延长办理时限",
						calendar.plusWorkingDays(asked, 10).toOffsetDateTime())));
				at = work(asked, Duration.ofHours(2));
				steps.add(step(at, "dispatcher01", n, "审批延期", () -> orders.decideExtension(no.get(), true, "同意延期")));
			}
			boolean late = random.nextInt(100) < 10;
			if (late) {
				var flagged = work(at, Duration.ofHours(40));
				steps.add(step(flagged, "supervisor01", n, "督办", () -> orders.supervise(no.get(), SupervisionKind.FLAG,
						"市民反映强烈，请加快办理")));
			}
			at = work(at, Duration.ofHours(late ? 48 + random.nextInt(60) : 3 + random.nextInt(30)));
			steps.add(step(at, handler, n, "回复", () -> orders.reply(no.get(), ResultType.RESOLVED, c.reply(), List.of())));
			at = work(at, Duration.ofMinutes(30 + random.nextInt(16 * 60)));
			steps.add(step(at, "dispatcher01", n, "审核", () -> orders.review(no.get(), true, "回复内容完整，同意")));
			at = callbackMoment(at.plusHours(2 + random.nextInt(60)), random);
			int verdict = random.nextInt(100);
			var satisfaction = verdict < 72 ? Satisfaction.SATISFIED
					: verdict < 86 ? Satisfaction.BASICALLY_SATISFIED : verdict < 94 ? Satisfaction.DISSATISFIED
							: Satisfaction.UNREACHABLE;
			steps.add(step(at, "agent01", n, "回访", () -> orders.callback(no.get(), satisfaction,
					satisfaction == Satisfaction.DISSATISFIED ? "市民表示问题仍未解决" : "市民对办理结果无异议")));
			if (satisfaction == Satisfaction.DISSATISFIED) {
				// reopened to the same department: signed, handled and called back again
				at = work(at, Duration.ofMinutes(30 + random.nextInt(240)));
				steps.add(step(at, handler, n, "重办签收", () -> orders.sign(no.get())));
				at = work(at, Duration.ofHours(8 + random.nextInt(24)));
				steps.add(step(at, handler, n, "重办回复", () -> orders.reply(no.get(), ResultType.RESOLVED,
						"已再次上门核实并处理到位，" + c.reply(), List.of())));
				at = work(at, Duration.ofMinutes(30 + random.nextInt(120)));
				steps.add(step(at, "dispatcher01", n, "审核", () -> orders.review(no.get(), true, "同意")));
				at = callbackMoment(at.plusHours(2 + random.nextInt(20)), random);
				steps.add(step(at, "agent01", n, "回访", () -> orders.callback(no.get(), Satisfaction.BASICALLY_SATISFIED,
						"市民表示基本满意")));
			}
		}
		// only what has happened by now is played
		steps.removeIf(s -> !s.at().isBefore(now));
		return steps;
	}

	/** True while the order waits for a dispatcher. */
	private boolean waiting(WorkOrderNo no) {
		var state = orders.find(no).orElseThrow().state();
		return state == WorkOrderState.PENDING_DISPATCH || state == WorkOrderState.RETURNED;
	}

	private static <T> Step step(ZonedDateTime at, String user, int order, String what, Supplier<T> action) {
		return new Step(at, user, order, what, () -> {
			action.get();
			return true;
		});
	}

	/** A moment of the last 90 days, more on working days and in the daytime, as calls come in. */
	private ZonedDateTime registrationMoment(ZonedDateTime start, ZonedDateTime now, Random random) {
		while (true) {
			var day = start.plusDays(random.nextInt(DAYS + 1));
			boolean working = calendar.isWorkingDay(day.toLocalDate());
			if (!working && random.nextInt(100) < 55) continue;
			int minute = random.nextInt(100) < 85 ? 8 * 60 + random.nextInt(13 * 60) : random.nextInt(24 * 60);
			var moment = day.plusMinutes(minute);
			if (moment.isBefore(now)) return moment;
		}
	}

	/** Working time after a moment (departments work on working days, in working hours). */
	private ZonedDateTime work(ZonedDateTime from, Duration workingTime) {
		return calendar.plus(from, workingTime);
	}

	/** The moment itself during working hours of a working day, else the next working day's morning. */
	private ZonedDateTime atWork(ZonedDateTime moment, Random random) {
		var time = moment.toLocalTime();
		if (calendar.isWorkingDay(moment.toLocalDate()) && !time.isBefore(LocalTime.of(9, 0))
				&& time.isBefore(LocalTime.of(17, 30))) {
			return moment;
		}
		var day = moment.toLocalDate();
		if (!time.isBefore(LocalTime.of(9, 0))) day = day.plusDays(1);
		while (!calendar.isWorkingDay(day)) day = day.plusDays(1);
		return day.atTime(9, 0).plusMinutes(random.nextInt(60)).atZone(moment.getZone());
	}

	/** Callbacks are made between 9:00 and 20:00, every day. */
	private static ZonedDateTime callbackMoment(ZonedDateTime moment, Random random) {
		var time = moment.toLocalTime();
		if (!time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.of(20, 0))) return moment;
		var day = time.isBefore(LocalTime.of(9, 0)) ? moment.toLocalDate() : moment.toLocalDate().plusDays(1);
		return day.atTime(9, 30).plusMinutes(random.nextInt(120)).atZone(moment.getZone());
	}

	private static Channel channel(Random random) {
		int r = random.nextInt(100);
		return r < 68 ? Channel.PHONE : r < 78 ? Channel.WEB : r < 86 ? Channel.APP : r < 94 ? Channel.MINI_PROGRAM
				: r < 98 ? Channel.SMS : Channel.EMAIL;
	}

	private static Case pick(List<Case> cases, int totalWeight, Random random) {
		int r = random.nextInt(totalWeight);
		for (var c : cases) {
			r -= c.weight();
			if (r < 0) return c;
		}
		return cases.getLast();
	}

	private static String fill(String template, Map<String, String> words) {
		var out = template;
		for (var w : words.entrySet()) out = out.replace(w.getKey(), w.getValue());
		return out;
	}

	/** The handler who works the department's orders in the demo: street01 and housing01, or one made for it. */
	private String handler(Department department, Map<Long, String> handlers) {
		return handlers.computeIfAbsent(department.id().value(), id -> {
			var members = directory.members(department.id(), Set.of(Role.HANDLER));
			if (!members.isEmpty()) {
				return runAs.asUser("admin", () -> users.find(members.getFirst()).orElseThrow().username());
			}
			var username = "cb" + id;
			runAs.asUser("admin", () -> users.create(new Users.NewUser(username, "承办人（" + department.name() + "）",
					new DepartmentId(id), Set.of(Role.HANDLER), null, false)));
			return username;
		});
	}

	static List<Case> cases() {
		try (InputStream in = new ClassPathResource("data/demo/cases.csv").getInputStream()) {
			MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
				.with(CsvSchema.emptySchema().withHeader())
				.readValues(in);
			var out = new ArrayList<Case>();
			for (var row : rows.readAll()) {
				out.add(new Case(row.get("category"), RequestType.valueOf(row.get("type")), row.get("department"),
						Integer.parseInt(row.get("weight")), row.get("title"), row.get("content"), row.get("reply")));
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
