package org.minsheng.category.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.category.Categories;
import org.minsheng.category.Category;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.platform.TableCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The taxonomy is small (hundreds of rows) and read on every order, so it is held in memory ({@link TableCache}). */
@Service
class CategoryService implements Categories {

	private static final Logger log = LoggerFactory.getLogger(CategoryService.class);

	static final int MAX_LEVEL = 3;

	private final JdbcTemplate jdbc;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final TableCache<Snapshot> snapshot = new TableCache<>(this::load);

	record Snapshot(List<Category> ordered, Map<Long, Category> byId, Map<Long, List<Category>> children) {
	}

	CategoryService(JdbcTemplate jdbc, CurrentActor current, AuditTrail audit, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
		this.tx = tx;
	}

	/** Seeds the shipped taxonomy into an empty table. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void seedWhenEmpty() {
		tx.executeWithoutResult(status -> {
			Integer count = jdbc.queryForObject("select count(*) from category", Integer.class);
			if (count != null && count > 0) {
				return;
			}
			var now = OffsetDateTime.now(clock);
			var ids = new HashMap<String, Long>();
			int rows = 0;
			try (var in = new BufferedReader(new InputStreamReader(
					new ClassPathResource("data/taxonomy/categories.csv").getInputStream(), StandardCharsets.UTF_8))) {
				in.readLine();
				for (var line = in.readLine(); line != null; line = in.readLine()) {
					var parts = line.strip().split(",");
					Long parent = null;
					var path = "";
					for (int level = 0; level < Math.min(parts.length, MAX_LEVEL); level++) {
						var name = parts[level].strip();
						if (name.isEmpty()) {
							break;
						}
						path = path.isEmpty() ? name : path + "/" + name;
						var existing = ids.get(path);
						if (existing == null) {
							existing = insert(parent, name, level + 1, path, ids.size(), now);
							ids.put(path, existing);
							rows++;
						}
						parent = existing;
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			log.info("Seeded {} request categories", rows);
			snapshot.invalidate();
		});
	}

	@Override
	public List<Category> all() {
		return snapshot().ordered();
	}

	@Override
	public Optional<Category> find(long id) {
		return Optional.ofNullable(snapshot().byId().get(id));
	}

	@Override
	public List<Category> lineage(long id) {
		var s = snapshot();
		var result = new ArrayList<Category>();
		for (var c = s.byId().get(id); c != null; c = c.parentId() == null ? null : s.byId().get(c.parentId())) {
			result.addFirst(c);
		}
		return result;
	}

	@Override
	public List<Long> subtreeIds(long id) {
		var s = snapshot();
		var result = new ArrayList<Long>();
		var stack = new ArrayList<Long>(List.of(id));
		while (!stack.isEmpty()) {
			var next = stack.removeLast();
			if (s.byId().containsKey(next)) {
				result.add(next);
				s.children().getOrDefault(next, List.of()).forEach(c -> stack.add(c.id()));
			}
		}
		return result;
	}

	@Override
	@Transactional
	public Category create(Long parentId, String name) {
		require();
		var clean = checkName(name);
		Category parent = null;
		if (parentId != null) {
			parent = find(parentId).orElseThrow(() -> new InvalidFieldException("parentId", "没有分类 " + parentId));
			if (parent.level() >= MAX_LEVEL) {
				throw new InvalidFieldException("parentId", "分类最多 " + MAX_LEVEL + " 级");
			}
		}
		var path = parent == null ? clean : parent.path() + "/" + clean;
		if (pathTaken(path)) {
			throw new ConflictException("分类「" + path + "」已存在");
		}
		var id = insert(parentId, clean, parent == null ? 1 : parent.level() + 1, path, all().size(),
				OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.CATEGORY_CREATED, "category", id, path));
		snapshot.invalidate();
		return new Category(id, parentId, clean, parent == null ? 1 : parent.level() + 1, path, true);
	}

	@Override
	@Transactional
	public Category rename(long id, String name) {
		require();
		var category = find(id).orElseThrow(() -> new NotFoundException("分类", id));
		var clean = checkName(name);
		var prefix = category.path().substring(0, category.path().length() - category.name().length());
		var newPath = prefix + clean;
		if (!newPath.equals(category.path()) && pathTaken(newPath)) {
			throw new ConflictException("分类「" + newPath + "」已存在");
		}
		jdbc.update("update category set name = ?, path = ? where id = ?", clean, newPath, id);
		for (var below : subtreeIds(id)) {
			if (below != id) {
				var old = find(below).orElseThrow().path();
				jdbc.update("update category set path = ? where id = ?", newPath + old.substring(category.path().length()),
						below);
			}
		}
		audit.record(AuditRecord.of(AuditAction.CATEGORY_RENAMED, "category", id, category.path() + " -> " + newPath));
		snapshot.invalidate();
		return new Category(id, category.parentId(), clean, category.level(), newPath, category.enabled());
	}

	@Override
	@Transactional
	public Category setEnabled(long id, boolean enabled) {
		require();
		var category = find(id).orElseThrow(() -> new NotFoundException("分类", id));
		jdbc.update("update category set enabled = ? where id = ?", enabled, id);
		audit.record(AuditRecord.of(enabled ? AuditAction.CATEGORY_ENABLED : AuditAction.CATEGORY_DISABLED, "category", id,
				category.path()));
		snapshot.invalidate();
		return new Category(id, category.parentId(), category.name(), category.level(), category.path(), enabled);
	}

	private void require() {
		current.get().require(Permission.CATEGORY_ADMIN);
	}

	private static String checkName(String name) {
		var clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 60 || clean.contains("/")) {
			throw new InvalidFieldException("name", "分类名称为 1 到 60 个字符，不含「/」");
		}
		return clean;
	}

	private boolean pathTaken(String path) {
		Integer n = jdbc.queryForObject("select count(*) from category where path = ?", Integer.class, path);
		return n != null && n > 0;
	}

	private long insert(Long parent, String name, int level, String path, int position, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement(
					"insert into category (parent_id, name, level, path, position, created_at) values (?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setObject(1, parent);
			ps.setString(2, name);
			ps.setInt(3, level);
			ps.setString(4, path);
			ps.setInt(5, position);
			ps.setObject(6, now);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	private Snapshot snapshot() {
		return snapshot.get();
	}

	private Snapshot load() {
		var rows = jdbc.query("select id, parent_id, name, level, path, enabled, position from category",
				(rs, i) -> new Object[] { new Category(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class),
						rs.getString("name"), rs.getInt("level"), rs.getString("path"), rs.getBoolean("enabled")),
						rs.getInt("position") });
		var byId = new HashMap<Long, Category>();
		var children = new HashMap<Long, List<Category>>();
		var position = new HashMap<Long, Integer>();
		for (var row : rows) {
			var c = (Category) row[0];
			byId.put(c.id(), c);
			position.put(c.id(), (Integer) row[1]);
		}
		Comparator<Category> order = Comparator.comparing((Category c) -> position.get(c.id())).thenComparing(Category::id);
		var roots = new ArrayList<Category>();
		for (var c : byId.values()) {
			if (c.parentId() == null) {
				roots.add(c);
			}
			else {
				children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
			}
		}
		roots.sort(order);
		children.values().forEach(list -> list.sort(order));
		var ordered = new ArrayList<Category>();
		var stack = new ArrayList<Category>(roots.reversed());
		while (!stack.isEmpty()) {
			var c = stack.removeLast();
			ordered.add(c);
			stack.addAll(children.getOrDefault(c.id(), List.of()).reversed());
		}
		return new Snapshot(List.copyOf(ordered), Map.copyOf(byId), Map.copyOf(children));
	}
}
