package org.minsheng.identity;

import java.util.List;
import java.util.Optional;

/** The department tree. Reads honour the current actor's data scope. */
public interface Departments {

	/** The department, or empty when it does not exist or lies outside the actor's scope. */
	Optional<Department> find(DepartmentId id);

	/** All departments the actor may see, in tree order (each parent before its children). */
	List<Department> visible();

	Department create(NewDepartment request);

	Department rename(DepartmentId id, String name);

	Department move(DepartmentId id, DepartmentId newParent);

	Department setEnabled(DepartmentId id, boolean enabled);

	record NewDepartment(String name, DepartmentType type, DepartmentId parentId, String divisionCode) {
	}
}
