package org.minsheng.workorder;

import org.minsheng.identity.Permission;
import org.minsheng.identity.PermittedAction;

/**
 * What can be done to a work order, with the permission it takes. Whether an action is open on a
 * given order now is the aggregate's to say (the view's {@code allowedActions}); pages and clients
 * show what that list holds and nothing else.
 */
public enum WorkOrderAction implements PermittedAction {

	DISPATCH("派单", Permission.WORKORDER_DISPATCH),
	REASSIGN("改派", Permission.WORKORDER_DISPATCH),
	MERGE("并单", Permission.WORKORDER_DISPATCH),
	SIGN("签收", Permission.WORKORDER_HANDLE),
	RETURN("退单", Permission.WORKORDER_HANDLE),
	DISPATCH_BELOW("下派", Permission.WORKORDER_HANDLE),
	REPLY("答复", Permission.WORKORDER_HANDLE),
	REQUEST_EXTENSION("申请延期", Permission.WORKORDER_HANDLE),
	DECIDE_EXTENSION("延期审批", Permission.WORKORDER_REVIEW),
	REVIEW("审核", Permission.WORKORDER_REVIEW),
	CALLBACK("回访", Permission.WORKORDER_CALLBACK),
	SUPERVISE("督办", Permission.WORKORDER_SUPERVISE),
	WITHDRAW("撤单", Permission.WORKORDER_REGISTER);

	private final String label;

	private final Permission permission;

	WorkOrderAction(String label, Permission permission) {
		this.label = label;
		this.permission = permission;
	}

	@Override
	public String label() {
		return label;
	}

	@Override
	public Permission permission() {
		return permission;
	}
}
