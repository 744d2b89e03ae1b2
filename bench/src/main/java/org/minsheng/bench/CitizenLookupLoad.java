package org.minsheng.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.minsheng.citizen.Citizens;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Phone look-ups among many citizens through the citizen service as an agent would make them
 * (normalize, HMAC-SM3 blind index, indexed query, SM4 decrypt and mask of the record). The
 * citizens are seeded with JDBC batches, encrypted and indexed by the application's own cipher.
 */
final class CitizenLookupLoad {

	static void run(String db, int citizens, int lookups) throws Exception {
		try (var databases = new Databases()) {
			var context = databases.start(db);
			var jdbc = context.getBean(JdbcTemplate.class);
			var cipher = context.getBean(PersonalDataCipher.class);
			var runAs = context.getBean(RunAs.class);
			var users = context.getBean(Users.class);
			var departments = context.getBean(Departments.class);

			long seedStart = System.nanoTime();
			seed(jdbc, cipher, citizens);
			if (db.equals("pg")) {
				jdbc.execute("analyze citizen");
				jdbc.execute("analyze citizen_phone");
			}
			System.out.printf("seeded %d citizens (%s) in %.0f s%n", citizens, db, (System.nanoTime() - seedStart) / 1e9);

			runAs.asUser("admin", () -> users.create(new Users.NewUser("agent_bench", "话务员", departments.visible()
				.getFirst()
				.id(), Set.of(Role.AGENT), "Agent-Bench-2026", false)));
			var service = context.getBean(Citizens.class);
			var random = new SplittableRandom(42);
			for (int i = 0; i < 2_000; i++) {
				var phone = phone(random.nextInt(citizens));
				runAs.asUser("agent_bench", () -> service.findByPhone(phone));
			}
			var nanos = new long[lookups];
			int found = 0;
			for (int i = 0; i < lookups; i++) {
				var phone = phone(random.nextInt(citizens));
				long t = System.nanoTime();
				var result = runAs.asUser("agent_bench", () -> service.findByPhone(phone));
				nanos[i] = System.nanoTime() - t;
				found += result.size();
			}
			Arrays.sort(nanos);
			System.out.printf("phone lookup among %d citizens (%s), %d look-ups, %d found: p50 %.2f ms, p95 %.2f ms, "
					+ "p99 %.2f ms, max %.2f ms%n", citizens, db, lookups, found, nanos[lookups / 2] / 1e6,
					nanos[(int) (lookups * 0.95)] / 1e6, nanos[(int) (lookups * 0.99)] / 1e6,
					nanos[lookups - 1] / 1e6);
		}
	}

	static String phone(int i) {
		return "13" + String.format("%09d", i * 7L % 1_000_000_000L);
	}

	private static void seed(JdbcTemplate jdbc, PersonalDataCipher cipher, int citizens) {
		long firstId = 1 + jdbc.queryForObject("select coalesce(max(id), 0) from citizen", Long.class);
		var now = OffsetDateTime.now();
		var surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".toCharArray();
		for (int from = 0; from < citizens; from += 10_000) {
			List<Object[]> people = new ArrayList<>();
			List<Object[]> phones = new ArrayList<>();
			for (int i = from; i < Math.min(citizens, from + 10_000); i++) {
				long id = firstId + i;
				var name = surnames[i % surnames.length] + "某" + (i % 97);
				people.add(new Object[] { id, cipher.encrypt(name), cipher.blindIndex(PersonalDataKind.NAME, name), now,
						now });
				var phone = phone(i);
				phones.add(new Object[] { id, cipher.encrypt(phone), cipher.blindIndex(PersonalDataKind.PHONE, phone),
						"手机", 0 });
			}
			jdbc.batchUpdate("insert into citizen (id, name_cipher, name_index, created_at, updated_at)"
					+ " values (?, ?, ?, ?, ?)", people);
			jdbc.batchUpdate("insert into citizen_phone (citizen_id, phone_cipher, phone_index, label, position)"
					+ " values (?, ?, ?, ?, ?)", phones);
		}
	}

}
