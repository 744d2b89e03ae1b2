package org.minsheng.knowledge;

import org.minsheng.identity.Permission;
import org.minsheng.identity.PermittedAction;

/**
 * What can be done to a knowledge article, with the permission it takes. Whether an action is open
 * on an article now is the article's to say (the view's {@code allowedActions}); the page shows
 * what that list holds.
 */
public enum ArticleAction implements PermittedAction {

	EDIT("编辑", Permission.KNOWLEDGE_EDIT),
	SUBMIT("提交审核", Permission.KNOWLEDGE_EDIT),
	DISCARD_DRAFT("放弃草稿", Permission.KNOWLEDGE_EDIT),
	ATTACH("上传附件", Permission.KNOWLEDGE_EDIT),
	APPROVE("通过并发布", Permission.KNOWLEDGE_REVIEW),
	SEND_BACK("退回修改", Permission.KNOWLEDGE_REVIEW),
	RETIRE("下架", Permission.KNOWLEDGE_REVIEW),
	/** Whether the article helped (有帮助/没帮助), from anyone who reads it. */
	FEEDBACK("评价", Permission.KNOWLEDGE_READ);

	private final String label;

	private final Permission permission;

	ArticleAction(String label, Permission permission) {
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
