package org.minsheng.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentCreated;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentMoved;
import org.minsheng.identity.DepartmentRenamed;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DepartmentService implements Departments {

	private final DepartmentRows rows;

	private final CurrentActor current;

	private final Divisions divisions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DepartmentService(DepartmentRows rows, CurrentActor current, Divisions divisions, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.current = current;
		this.divisions = divisions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Department> find(DepartmentId id) {
		var actor = current.get();
		actor.require(Permission.DEPARTMENT_READ);
		return visibleOne(actor, id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Department> visible() {
		var actor = current.get();
		actor.require(Permission.DEPARTMENT_READ);
		var all = actor.scope().all() ? rows.all()
				: rows.subtree(rows.find(actor.departmentId().value()).orElseThrow().path());
		return treeOrder(all);
	}

	@Override
	public Department create(NewDepartment request) {
		var actor = current.get();
		actor.require(Permission.DEPARTMENT_ADMIN);
		var name = requireName(request.name());
		if (request.type() == null) {
			throw new InvalidFieldException("type", "请选择部门类型");
		}
		Department parent = null;
		if (request.parentId() == null) {
			if (!actor.scope().all() || rows.exists()) {
				throw new InvalidFieldException("parentId", "请选择上级部门：只有根部门没有上级");
			}
		}
		else {
			parent = visibleOne(actor, request.parentId())
				.orElseThrow(() -> new NotFoundException("部门", request.parentId()));
		}
		var division = division(request.divisionCode());
		if (rows.nameTaken(parent == null ? null : parent.id().value(), name, null)) {
			throw new InvalidFieldException("name", "此处已有名为「" + name + "」的部门");
		}
		var created = rows.insert(name, request.type(), parent, division, OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.DEPARTMENT_CREATED, "department", created.id(),
				"name=" + name + ", type=" + request.type() + ", parent=" + request.parentId() + ", division="
						+ division));
		events.publishEvent(new DepartmentCreated(created.id(), name, request.type(), division));
		return created;
	}

	@Override
	public Department rename(DepartmentId id, String newName) {
		var actor = current.get();
		actor.require(Permission.DEPARTMENT_ADMIN);
		var department = visibleOne(actor, id).orElseThrow(() -> new NotFoundException("部门", id));
		var name = requireName(newName);
		if (rows.nameTaken(department.parentId() == null ? null : department.parentId().value(), name,
				id.value())) {
			throw new InvalidFieldException("name", "此处已有名为「" + name + "」的部门");
		}
		rows.rename(id.value(), name);
		audit.record(AuditRecord.of(AuditAction.DEPARTMENT_RENAMED, "department", id,
				"from=" + department.name() + ", to=" + name));
		events.publishEvent(new DepartmentRenamed(id, department.name(), name));
		return rows.find(id.value()).orElseThrow();
	}

	@Override
	public Department move(DepartmentId id, DepartmentId newParentId) {
		var actor = current.get();
		actor.require(Permission.DEPARTMENT_ADMIN);
		var department = visibleOne(actor, id).orElseThrow(() -> new NotFoundException("部门", id));
		if (newParentId == null) {
			throw new InvalidFieldException("parentId", "请选择上级部门");
		}
		var newParent = visibleOne(actor, newParentId)
			.orElseThrow(() -> new NotFoundException("部门", newParentId));
		if (department.parentId() == null) {
			throw new ConflictException("部门「" + id + "」是根部门，不能移动");
		}
		if (!actor.scope().all() && department.id().equals(actor.departmentId())) {
			throw new ConflictException("部门「" + id + "」是您自己的部门，不能移动");
		}
		if (newParent.path().startsWith(department.path())) {
			throw new InvalidFieldException("parentId", "部门不能移到自身或其下级部门之下");
		}
		if (rows.nameTaken(newParentId.value(), department.name(), id.value())) {
			throw new InvalidFieldException("parentId",
					"目标位置已有名为「" + department.name() + "」的部门");
		}
		rows.move(department, newParent);
		audit.record(AuditRecord.of(AuditAction.DEPARTMENT_MOVED, "department", id,
				"from=" + department.parentId() + ", to=" + newParentId));
		events.publishEvent(new DepartmentMoved(id, department.parentId(), newParentId));
		return rows.find(id.value()).orElseThrow();
	}

	@Override
	public Department setEnabled(DepartmentId id, boolean enabled) {
		var actor = current.get();
		actor.require(Permission.DEPARTMENT_ADMIN);
		var department = visibleOne(actor, id).orElseThrow(() -> new NotFoundException("部门", id));
		if (!enabled && department.parentId() == null) {
			throw new ConflictException("部门「" + id + "」是根部门，不能停用");
		}
		rows.setEnabled(id.value(), enabled);
		audit.record(AuditRecord.of(enabled ? AuditAction.DEPARTMENT_ENABLED : AuditAction.DEPARTMENT_DISABLED, "department", id, null));
		return rows.find(id.value()).orElseThrow();
	}

	private Optional<Department> visibleOne(Actor actor, DepartmentId id) {
		return rows.find(id.value()).filter(d -> actor.scope().includes(d.id()));
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidFieldException("name", "请填写名称");
		}
		var stripped = name.strip();
		if (stripped.length() > 100) {
			throw new InvalidFieldException("name", "名称最多 100 个字符");
		}
		return stripped;
	}

	private String division(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		if (!DivisionCode.isWellFormed(code.strip())) {
			throw new InvalidFieldException("divisionCode", "行政区划代码为 2、4、6 或 9 位数字");
		}
		var parsed = new DivisionCode(code.strip());
		if (divisions.find(parsed).isEmpty()) {
			throw new InvalidFieldException("divisionCode", "未知的行政区划代码 " + code);
		}
		return parsed.value();
	}

	/** Parents before children; siblings by type (center, districts, streets, bureaus ...) then name. */
	static List<Department> treeOrder(List<Department> departments) {
		var ids = new HashSet<Long>();
		departments.forEach(d -> ids.add(d.id().value()));
		var children = new HashMap<Long, List<Department>>();
		var roots = new ArrayList<Department>();
		for (var d : departments) {
			if (d.parentId() == null || !ids.contains(d.parentId().value())) {
				roots.add(d);
			}
			else {
				children.computeIfAbsent(d.parentId().value(), k -> new ArrayList<>()).add(d);
			}
		}
		Comparator<Department> order = Comparator.comparing((Department d) -> d.type().ordinal())
			.thenComparing(Department::name);
		var result = new ArrayList<Department>(departments.size());
		var stack = new ArrayDeque<Department>();
		roots.sort(order.reversed());
		roots.forEach(stack::push);
		while (!stack.isEmpty()) {
			var d = stack.pop();
			result.add(d);
			var kids = new ArrayList<>(children.getOrDefault(d.id().value(), List.of()));
			kids.sort(order.reversed());
			kids.forEach(stack::push);
		}
		return result;
	}

	/** Kept for the bootstrap, which creates the root before anybody is logged in. */
	Department createRoot(String name, String divisionCode) {
		var created = rows.insert(name, DepartmentType.CENTER, null, division(divisionCode), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.DEPARTMENT_CREATED, "department", created.id(), "name=" + name + ", root")
			.by("system"));
		return created;
	}
}
