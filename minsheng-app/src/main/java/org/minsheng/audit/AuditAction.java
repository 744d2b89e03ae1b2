package org.minsheng.audit;

/**
 * What an audit entry records, with the words an inspector reads. The name is what the chain
 * stores and hashes, so a name is never changed once entries carry it; new actions are added.
 */
public enum AuditAction {

	// people and access
	LOGIN("登录"),
	LOGIN_FAILED("登录失败"),
	PASSWORD_CHANGED("修改密码"),
	PASSWORD_CHANGE_FAILED("修改密码失败"),
	USER_CREATED("新建用户"),
	USER_ENABLED("启用用户"),
	USER_DISABLED("停用用户"),
	USER_MOVED("调整用户所属单位"),
	USER_PASSWORD_RESET("重置用户密码"),
	USER_ROLES_CHANGED("调整用户角色"),
	API_TOKEN_ISSUED("签发接口令牌"),
	API_TOKEN_REVOKED("吊销接口令牌"),
	PERSONAL_DATA_UNMASKED("查看未脱敏个人信息"),

	// departments, categories, rules
	DEPARTMENT_CREATED("新建单位"),
	DEPARTMENT_RENAMED("单位更名"),
	DEPARTMENT_MOVED("调整单位隶属"),
	DEPARTMENT_ENABLED("启用单位"),
	DEPARTMENT_DISABLED("停用单位"),
	CATEGORY_CREATED("新建诉求分类"),
	CATEGORY_RENAMED("诉求分类更名"),
	CATEGORY_ENABLED("启用诉求分类"),
	CATEGORY_DISABLED("停用诉求分类"),
	SLA_RULE_ADDED("新增办理时限规则"),
	SLA_RULE_REMOVED("删除办理时限规则"),
	RESPONSIBILITY_RULE_ADDED("新增权责清单条目"),
	RESPONSIBILITY_RULE_REMOVED("删除权责清单条目"),
	CALENDAR_RELOADED("重新加载节假日安排"),

	// citizens
	CITIZEN_REGISTERED("登记市民"),
	CITIZEN_PHONE_ADDED("增加市民电话"),

	// work orders
	WORK_ORDER_REGISTERED("受理登记"),
	WORK_ORDER_DISPATCHED("派单"),
	WORK_ORDER_REASSIGNED("改派"),
	WORK_ORDER_SIGNED("签收"),
	WORK_ORDER_RETURNED("退单"),
	WORK_ORDER_DISPATCHED_BELOW("二级派单"),
	WORK_ORDER_REPLIED("答复"),
	WORK_ORDER_FILE_ADDED("上传工单附件"),
	WORK_ORDER_APPROVED("审核通过"),
	WORK_ORDER_SENT_BACK("退回重办"),
	WORK_ORDER_CALLED_BACK("回访"),
	WORK_ORDER_EXTENSION_REQUESTED("申请延期"),
	WORK_ORDER_EXTENSION_APPROVED("同意延期"),
	WORK_ORDER_EXTENSION_REFUSED("不同意延期"),
	WORK_ORDER_SUPERVISED("督办"),
	WORK_ORDER_MERGED("并单"),
	WORK_ORDER_WITHDRAWN("撤单"),
	WORK_ORDERS_EXPORTED("导出工单"),

	// the contact center
	CONTACT_AGENT_CREATED("新建坐席"),
	CONTACT_AGENT_CHANGED("修改坐席"),
	CONTACT_PLAN_REPLACED("更新呼叫流程"),
	CONTACT_CALL_HELD("通话保持"),
	CONTACT_CALL_RESUMED("通话恢复"),
	CONTACT_CALL_CONSULTED("通话咨询"),
	CONTACT_CALL_CONFERENCE("三方通话"),
	CONTACT_CALL_TRANSFERRED("通话转接"),
	CONTACT_CALL_READ_UNMASKED("查看未脱敏通话记录"),
	CONTACT_CALLS_READ_UNMASKED("查看未脱敏通话列表"),
	CONTACT_RECORDING_READ("调听录音"),
	/** The platform called a citizen for a person without showing the number (号码隐私保护). */
	CONTACT_CITIZEN_CALLED("号码保护外呼"),

	// knowledge
	KB_ARTICLE_CREATED("新建知识"),
	KB_ARTICLE_EDITED("编辑知识"),
	KB_ARTICLE_SUBMITTED("提交知识审核"),
	KB_ARTICLE_SENT_BACK("知识退回修改"),
	KB_ARTICLE_PUBLISHED("发布知识"),
	KB_ARTICLE_EXPIRED("知识过期"),
	KB_ARTICLE_RETIRED("下架知识"),
	KB_ARTICLES_IMPORTED("导入知识"),
	KB_DRAFT_DISCARDED("放弃知识草稿"),
	KB_DRAFT_FROM_QUESTIONS("由来电问题生成知识草稿"),
	KB_FILE_ADDED("上传知识附件"),
	KB_INDEX_REBUILT("重建知识索引"),
	KB_SYNONYMS_ADDED("新增同义词"),
	KB_SYNONYMS_REMOVED("删除同义词"),

	// text intelligence
	NLP_EXAMPLES_IMPORTED("导入训练样本"),
	NLP_MODEL_TRAINED("训练模型"),
	NLP_MODEL_ACTIVATED("启用模型"),
	NLP_MODEL_DEACTIVATED("停用模型"),
	NLP_GAZETTEER_REPLACED("更新地名库"),
	NLP_RISK_POLICIES_REPLACED("更新风险规则"),

	// integration and operations
	WEBHOOK_SUBSCRIBED("订阅事件推送"),
	WEBHOOK_UNSUBSCRIBED("取消事件推送"),
	BACKUP_TAKEN("备份");

	private final String label;

	AuditAction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The label of a stored action name; the name itself for one this version does not know. */
	public static String labelOf(String name) {
		for (var a : values()) if (a.name().equals(name)) return a.label;
		return name;
	}
}
