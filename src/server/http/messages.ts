/**
 * Every user-facing server message, in zh-CN (default) and English, keyed by the stable error code.
 * `{name}` placeholders are filled from the error's params.
 */
import type { Locale } from '../../shared/schemas/common.js';

type Messages = Record<string, { title: Record<Locale, string>; detail: Record<Locale, string> }>;

export const MESSAGES = {
  unauthenticated: {
    title: { 'zh-CN': '未登录', en: 'Not signed in' },
    detail: { 'zh-CN': '请先登录，或会话已过期。', en: 'Please sign in; your session may have expired.' },
  },
  invalid_credentials: {
    title: { 'zh-CN': '登录失败', en: 'Sign-in failed' },
    detail: { 'zh-CN': '用户名或密码不正确。', en: 'The username or password is incorrect.' },
  },
  account_disabled: {
    title: { 'zh-CN': '账号已停用', en: 'Account disabled' },
    detail: { 'zh-CN': '该账号已被停用，请联系管理员。', en: 'This account has been disabled. Please contact your administrator.' },
  },
  too_many_attempts: {
    title: { 'zh-CN': '尝试次数过多', en: 'Too many attempts' },
    detail: {
      'zh-CN': '登录失败次数过多，请在 {minutes} 分钟后再试。',
      en: 'Too many failed sign-in attempts. Please try again in {minutes} minutes.',
    },
  },
  password_change_required: {
    title: { 'zh-CN': '需要修改密码', en: 'Password change required' },
    detail: { 'zh-CN': '请先修改初始密码再继续操作。', en: 'Please change your initial password before continuing.' },
  },
  wrong_password: {
    title: { 'zh-CN': '当前密码不正确', en: 'Current password is incorrect' },
    detail: { 'zh-CN': '当前密码不正确。', en: 'The current password is incorrect.' },
  },
  password_reused: {
    title: { 'zh-CN': '新密码与当前密码相同', en: 'Password unchanged' },
    detail: { 'zh-CN': '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
  },
  password_too_short: {
    title: { 'zh-CN': '密码太短', en: 'Password too short' },
    detail: { 'zh-CN': '密码至少需要 {min} 个字符。', en: 'The password needs at least {min} characters.' },
  },
  password_too_long: {
    title: { 'zh-CN': '密码太长', en: 'Password too long' },
    detail: { 'zh-CN': '密码最多 {max} 个字符。', en: 'The password may have at most {max} characters.' },
  },
  password_whitespace: {
    title: { 'zh-CN': '密码首尾有空格', en: 'Blanks around the password' },
    detail: {
      'zh-CN': '密码不能以空格开头或结尾，也不能全是空格；空格容易在输入时多打或漏打。',
      en: 'The password may not start or end with a blank, nor be only blanks; such blanks are easily added or lost when typing.',
    },
  },
  password_contains_username: {
    title: { 'zh-CN': '密码包含用户名', en: 'Password contains your username' },
    detail: {
      'zh-CN': '密码包含了您的用户名，别人最先会试这个。请换一个与账号无关的组合。',
      en: 'The password contains your username, the first thing anyone would try. Choose something unrelated to your account.',
    },
  },
  password_contains_name: {
    title: { 'zh-CN': '密码包含姓名', en: 'Password contains your name' },
    detail: { 'zh-CN': '密码包含了您的姓名，很容易被猜到。请换一个与本人无关的组合。', en: 'The password contains your name and is easy to guess. Choose something unrelated to you.' },
  },
  password_contains_company: {
    title: { 'zh-CN': '密码包含公司名称', en: 'Password contains the company name' },
    detail: {
      'zh-CN': '密码包含了公司名称，同事和外人都容易猜到。请换一个与公司无关的组合。',
      en: 'The password contains the company name, which colleagues and outsiders guess easily. Choose something unrelated to the company.',
    },
  },
  password_too_common: {
    title: { 'zh-CN': '密码太常见', en: 'Password too common' },
    detail: {
      'zh-CN': '这是常见密码或常用词（如 password123、qwerty），会最先被试到。可以用几个不相关的词加数字和符号，例如“茶壶-月亮-73”的拼音或英文。',
      en: 'This is a common password or word (such as password123 or qwerty) and is tried first. Combine a few unrelated words with digits and symbols.',
    },
  },
  password_predictable: {
    title: { 'zh-CN': '密码规律太明显', en: 'Password too predictable' },
    detail: {
      'zh-CN': '密码由键盘顺序、重复字符、连续数字或日期组成，很容易被猜到。请加入不相关的词、数字和符号。',
      en: 'The password is a keyboard row, a repetition, a sequence or a date, which are easy to guess. Add unrelated words, digits and symbols.',
    },
  },
  password_too_weak: {
    title: { 'zh-CN': '密码太容易被猜到', en: 'Password too easy to guess' },
    detail: {
      'zh-CN': '这个密码太容易被猜到。请用更长、更不规则的组合，例如几个不相关的词加数字和符号。',
      en: 'This password is too easy to guess. Use a longer, less regular combination, such as a few unrelated words with digits and symbols.',
    },
  },
  forbidden: {
    title: { 'zh-CN': '没有权限', en: 'Forbidden' },
    detail: { 'zh-CN': '您没有执行此操作的权限（需要：{permission}）。', en: 'You do not have permission to do this (requires {permission}).' },
  },
  permission_exceeds_own: {
    title: { 'zh-CN': '超出自身权限', en: 'Beyond your own permissions' },
    detail: {
      'zh-CN': '不能授予超出您自身权限或管辖范围的角色、权限或小区。',
      en: 'You cannot grant a role, permission or community beyond your own.',
    },
  },
  csrf_failed: {
    title: { 'zh-CN': '请求校验失败', en: 'Request verification failed' },
    detail: {
      'zh-CN': '缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试。',
      en: 'The X-CSRF-Token header is missing or wrong. Please reload the page and try again.',
    },
  },
  not_found: {
    title: { 'zh-CN': '未找到', en: 'Not found' },
    detail: { 'zh-CN': '请求的{entity}不存在或您无权访问。', en: 'The requested {entity} does not exist or is not accessible to you.' },
  },
  route_not_found: {
    title: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
    detail: { 'zh-CN': '没有 {method} {path} 这个接口。', en: 'There is no endpoint {method} {path}.' },
  },
  validation_failed: {
    title: { 'zh-CN': '输入有误', en: 'Invalid input' },
    detail: { 'zh-CN': '请求中有 {count} 处输入有误。', en: 'The request has {count} invalid field(s).' },
  },
  invalid_reference: {
    title: { 'zh-CN': '引用无效', en: 'Invalid reference' },
    detail: { 'zh-CN': '引用的{entity}不存在或您无权使用。', en: 'The referenced {entity} does not exist or is not available to you.' },
  },
  malformed_json: {
    title: { 'zh-CN': '请求格式错误', en: 'Malformed request' },
    detail: { 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  },
  payload_too_large: {
    title: { 'zh-CN': '请求过大', en: 'Request too large' },
    detail: { 'zh-CN': '请求体超过 {limit} 字节的上限。', en: 'The request body exceeds the limit of {limit} bytes.' },
  },
  unsupported_media_type: {
    title: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
    detail: { 'zh-CN': '请以 application/json 发送请求体。', en: 'Send the request body as application/json.' },
  },
  multipart_invalid: {
    title: { 'zh-CN': '上传格式错误', en: 'Malformed upload' },
    detail: {
      'zh-CN': '上传内容不是有效的 multipart/form-data（缺少分隔符、内容不完整或格式损坏），请重新选择文件上传。',
      en: 'The upload is not valid multipart/form-data (no boundary, truncated or damaged); please choose the file and upload it again.',
    },
  },
  multipart_too_many_parts: {
    title: { 'zh-CN': '上传内容过多', en: 'Too many parts' },
    detail: { 'zh-CN': '一次只能上传一个文件和少量表单字段。', en: 'Upload one file and only a few form fields at a time.' },
  },
  upload_too_large: {
    title: { 'zh-CN': '文件过大', en: 'File too large' },
    detail: { 'zh-CN': '上传的文件超过了允许的大小。', en: 'The uploaded file exceeds the allowed size.' },
  },
  malformed_url: {
    title: { 'zh-CN': '网址格式错误', en: 'Malformed address' },
    detail: {
      'zh-CN': '请求地址中有无效的百分号编码（如 %E0%A4%A），请检查链接是否完整。',
      en: 'The address contains an invalid percent-escape (such as %E0%A4%A); check that the link is complete.',
    },
  },
  path_parameter_too_long: {
    title: { 'zh-CN': '网址过长', en: 'Address too long' },
    detail: { 'zh-CN': '地址中的参数超过 {maximum} 个字符。', en: 'A parameter in the address is longer than {maximum} characters.' },
  },
  bad_request: {
    title: { 'zh-CN': '请求无效', en: 'Bad request' },
    detail: { 'zh-CN': '服务器无法处理这个请求的格式，请检查后重试。', en: 'The server cannot process the form of this request; check it and try again.' },
  },
  conflict: {
    title: { 'zh-CN': '数据冲突', en: 'Conflict' },
    detail: { 'zh-CN': '与已有数据冲突（例如编号或名称重复）。', en: 'This conflicts with existing data (for example a duplicate code or name).' },
  },
  username_taken: {
    title: { 'zh-CN': '用户名已被使用', en: 'Username taken' },
    detail: { 'zh-CN': '用户名“{username}”已被使用。', en: 'The username “{username}” is already taken.' },
  },
  code_taken: {
    title: { 'zh-CN': '编号已被使用', en: 'Code taken' },
    detail: { 'zh-CN': '编号“{code}”已被使用。', en: 'The code “{code}” is already in use.' },
  },
  name_taken: {
    title: { 'zh-CN': '名称已被使用', en: 'Name taken' },
    detail: { 'zh-CN': '名称“{name}”已被使用。', en: 'The name “{name}” is already in use.' },
  },
  role_builtin: {
    title: { 'zh-CN': '内置角色不可修改', en: 'Built-in role' },
    detail: { 'zh-CN': '内置角色不能修改或删除，可新建自定义角色。', en: 'Built-in roles cannot be changed or deleted; create a custom role instead.' },
  },
  role_in_use: {
    title: { 'zh-CN': '角色正在使用', en: 'Role in use' },
    detail: { 'zh-CN': '仍有 {count} 个账号使用该角色，不能删除。', en: '{count} account(s) still hold this role; it cannot be deleted.' },
  },
  community_in_use: {
    title: { 'zh-CN': '小区正在使用', en: 'Community in use' },
    detail: {
      'zh-CN': '仍有 {count} 个账号负责该小区，不能删除；可以改为归档。',
      en: '{count} account(s) are still assigned to this community; archive it instead.',
    },
  },
  community_has_households: {
    title: { 'zh-CN': '小区已有房屋', en: 'Community has households' },
    detail: {
      'zh-CN': '该小区已登记 {count} 户，不能删除；可以改为归档。',
      en: 'This community has {count} registered household(s); archive it instead.',
    },
  },
  cannot_change_self: {
    title: { 'zh-CN': '不能修改自己的账号状态', en: 'Cannot change your own account' },
    detail: {
      'zh-CN': '不能停用自己的账号或更改自己的角色，请由其他管理员操作。',
      en: 'You cannot disable your own account or change your own role; ask another administrator.',
    },
  },
  cannot_reset_own_password: {
    title: { 'zh-CN': '不能重置自己的密码', en: 'Cannot reset your own password' },
    detail: {
      'zh-CN': '重置会让您自己的账号被迫修改密码；请在“个人中心”修改自己的密码。',
      en: 'A reset would force your own account to change its password; change your own password under Profile instead.',
    },
  },
  token_cannot_create_token: {
    title: { 'zh-CN': '令牌不能创建令牌', en: 'A token cannot create tokens' },
    detail: {
      'zh-CN': 'API 令牌不能用来创建新的令牌，请登录控制台在“个人中心”创建。',
      en: 'An API token cannot be used to create further tokens; sign in to the console and create one under Profile.',
    },
  },
  household_exists: {
    title: { 'zh-CN': '房屋已存在', en: 'Household exists' },
    detail: { 'zh-CN': '{label} 已经登记过了。', en: '{label} is already registered.' },
  },
  merge_invalid: {
    title: { 'zh-CN': '无法合并', en: 'Cannot merge' },
    detail: {
      'zh-CN': '只能合并同一小区内的两条不同记录。',
      en: 'Only two different records of the same community can be merged.',
    },
  },
  resident_erased: {
    title: { 'zh-CN': '住户信息已删除', en: 'Resident erased' },
    detail: { 'zh-CN': '该住户的个人信息已按要求删除，不能再修改或查看。', en: 'This resident’s personal data was erased on request; it can no longer be changed or shown.' },
  },
  import_file_too_large: {
    title: { 'zh-CN': '文件过大', en: 'File too large' },
    detail: { 'zh-CN': '文件超过 {limitMb} MB 的上限，请拆分后分批导入。', en: 'The file exceeds the {limitMb} MB limit; split it and import the parts.' },
  },
  import_too_many_rows: {
    title: { 'zh-CN': '行数过多', en: 'Too many rows' },
    detail: { 'zh-CN': '文件超过 {limit} 行的上限，请拆分后分批导入。', en: 'The file has more than {limit} rows; split it and import the parts.' },
  },
  import_file_type: {
    title: { 'zh-CN': '不支持的文件类型', en: 'Unsupported file type' },
    detail: {
      'zh-CN': '请上传 .xlsx 或 .csv 文件（旧版 .xls 请先在 Excel/WPS 中另存为 .xlsx）。',
      en: 'Upload an .xlsx or .csv file (save old .xls files as .xlsx in Excel or WPS first).',
    },
  },
  import_unreadable: {
    title: { 'zh-CN': '文件无法读取', en: 'Unreadable file' },
    detail: { 'zh-CN': '文件已损坏或结构异常，已拒绝处理。', en: 'The file is damaged or has a suspicious structure and was refused.' },
  },
  import_no_header: {
    title: { 'zh-CN': '找不到表头', en: 'No header row' },
    detail: {
      'zh-CN': '前 {rows} 行中没有找到包含“房号”“姓名”等列名的表头，请使用导入模板。',
      en: 'No header with columns such as 房号 (room) and 姓名 (name) in the first {rows} rows; please use the template.',
    },
  },
  import_file_missing: {
    title: { 'zh-CN': '缺少文件', en: 'No file' },
    detail: { 'zh-CN': '请以 multipart/form-data 的 file 字段上传文件。', en: 'Upload the file as the multipart/form-data field "file".' },
  },
  questionnaire_company_wide: {
    title: { 'zh-CN': '公司级问卷', en: 'Company-wide questionnaire' },
    detail: {
      'zh-CN': '公司级或按物业类型的问卷只能由全公司范围的人员新建或修改；可以复制为本小区的问卷后再修改。',
      en: 'Company-wide and property-type questionnaires are changed by company-wide staff only; duplicate it as a questionnaire for your community instead.',
    },
  },
  task_transition_invalid: {
    title: { 'zh-CN': '任务状态不允许此操作', en: 'Not allowed in this task status' },
    detail: {
      'zh-CN': '任务当前状态为“{from}”，不能执行“{event}”。',
      en: 'The task is “{from}”; “{event}” is not possible now.',
    },
  },
  issue_transition_invalid: {
    title: { 'zh-CN': '问题状态不允许此操作', en: 'Not allowed in this issue status' },
    detail: {
      'zh-CN': '问题当前状态为“{from}”，不能执行“{event}”；请从允许的操作中选择。',
      en: 'The issue is “{from}”; “{event}” is not possible now. Choose one of the allowed transitions.',
    },
  },
  issue_comment_required: {
    title: { 'zh-CN': '请填写说明', en: 'A comment is required' },
    detail: { 'zh-CN': '“{event}”需要填写说明（解决情况或原因）。', en: '“{event}” needs a comment (the resolution or the reason).' },
  },
  issue_rating_required: {
    title: { 'zh-CN': '请填写满意度', en: 'A rating is required' },
    detail: { 'zh-CN': '确认已解决时请填写住户对处理结果的评价（1–5 分）。', en: 'Confirming needs the resident’s rating of the handling (1–5).' },
  },
  issue_plan_required: {
    title: { 'zh-CN': '请填写采纳计划', en: 'A plan is required' },
    detail: { 'zh-CN': '采纳建议需要填写计划措施和计划完成日期。', en: 'Adopting a suggestion needs the planned action and its date.' },
  },
  issue_not_yours: {
    title: { 'zh-CN': '不是您部门的问题', en: 'Not your department’s issue' },
    detail: { 'zh-CN': '该问题分派给了其他部门或人员，只有处理人、本部门人员或主管可以操作。', en: 'This issue belongs to another department or person; only its handler, that department or a supervisor can act on it.' },
  },
  issue_confirmed_by_resident: {
    title: { 'zh-CN': '只有住户能确认已解决', en: 'Only the resident confirms' },
    detail: {
      'zh-CN': '问题是否解决由住户在复访中确认。请等待复访结果；如确需不经确认关闭，请由主管写明理由后关闭。',
      en: 'Whether an issue is solved is confirmed by the resident in the confirmation visit. Wait for it; a supervisor may close the issue without confirmation, giving the reason.',
    },
  },
  issue_event_system: {
    title: { 'zh-CN': '由系统执行的操作', en: 'Done by the system' },
    detail: { 'zh-CN': '“{event}”由系统在复访无法完成时按公司设置执行，不能手动操作。', en: '“{event}” is done by the system when the confirmation visit cannot be made, as the company set it; it cannot be done by hand.' },
  },
  issue_supervisor_only: {
    title: { 'zh-CN': '需要主管操作', en: 'A supervisor’s decision' },
    detail: { 'zh-CN': '已解决的问题只能由主管{event}。', en: 'Only a supervisor may {event} a resolved issue.' },
  },
  issue_own_resolution: {
    title: { 'zh-CN': '不能关闭自己处理的问题', en: 'Not your own resolution' },
    detail: {
      'zh-CN': '该问题由您本人解决，不能由您不经住户确认而关闭；请等待复访，或由其他主管决定。',
      en: 'You resolved this issue yourself, so you cannot close it without the resident’s confirmation; wait for the confirmation visit, or let another supervisor decide.',
    },
  },
  issue_closed: {
    title: { 'zh-CN': '问题已结束', en: 'Issue closed' },
    detail: { 'zh-CN': '该问题已是“{status}”状态，不能再修改。', en: 'This issue is already “{status}” and cannot be changed.' },
  },
  issue_no_deadline: {
    title: { 'zh-CN': '无需处理时限', en: 'No deadline' },
    detail: { 'zh-CN': '表扬不设回复和处理时限，也不能上报。', en: 'Praise has no reply or resolution deadline and cannot be escalated.' },
  },
  issue_escalation_top: {
    title: { 'zh-CN': '已上报至最高级', en: 'Already at the top level' },
    detail: { 'zh-CN': '该问题已上报至管理层（第三级），不能再上报。', en: 'This issue has already reached management (level 3).' },
  },
  raised_at_future: {
    title: { 'zh-CN': '反映时间不能晚于现在', en: 'Raised in the future' },
    detail: { 'zh-CN': '反映时间（raisedAt）不能晚于当前时间。', en: 'raisedAt cannot be later than now.' },
  },
  date_in_past: {
    title: { 'zh-CN': '日期已过', en: 'Date in the past' },
    detail: { 'zh-CN': '{field} 不能早于今天。', en: '{field} cannot be before today.' },
  },
  calendar_override_conflict: {
    title: { 'zh-CN': '该日期已有调整', en: 'Date already overridden' },
    detail: {
      'zh-CN': '{date} 已被设为“{kind}”；同一天不能既是休息日又是工作日，请先删除原有调整。',
      en: '{date} is already set as “{kind}”; a date cannot be both a day off and a working day. Delete the existing override first.',
    },
  },
  calendar_out_of_range: {
    title: { 'zh-CN': '日期超出日历范围', en: 'Date outside the calendar' },
    detail: { 'zh-CN': '工作日历覆盖 2004 至 2100 年。', en: 'The working-day calendar covers 2004 to 2100.' },
  },
  calendar_year_official: {
    title: { 'zh-CN': '该年已有官方安排', en: 'Official arrangement already known' },
    detail: {
      'zh-CN': '{year} 年的国务院节假日安排已包含在系统的官方日历中，无需录入；公司自己的调整请在工作日历中逐日添加。',
      en: 'The State Council arrangement for {year} is already in the official calendar; add the company’s own changes day by day instead.',
    },
  },
  calendar_notice_invalid: {
    title: { 'zh-CN': '放假通知无法录入', en: 'The notice cannot be entered' },
    detail: { 'zh-CN': '通知中有 {count} 处需要修改，请按提示修正后再录入。', en: 'The notice has {count} problem(s); correct them and enter it again.' },
  },
  category_name_taken: {
    title: { 'zh-CN': '分类名称已存在', en: 'Category exists' },
    detail: { 'zh-CN': '已有名为“{name}”的问题分类。', en: 'A category named “{name}” already exists.' },
  },
  confirmation_required: {
    title: { 'zh-CN': '请填写复访结果', en: 'Confirmation answer required' },
    detail: { 'zh-CN': '复访确认任务需要填写问题是否已解决。', en: 'A confirmation visit needs the resident’s answer: solved or not.' },
  },
  task_not_yours: {
    title: { 'zh-CN': '不是您的任务', en: 'Not your task' },
    detail: { 'zh-CN': '该回访任务分配给了其他人，只有负责人或主管可以记录。', en: 'This visit task is assigned to someone else; only the assignee or a supervisor can record it.' },
  },
  task_closed: {
    title: { 'zh-CN': '任务已结束', en: 'Task closed' },
    detail: { 'zh-CN': '该回访任务已是“{status}”状态，不能再记录。', en: 'This visit task is already “{status}” and cannot be recorded again.' },
  },
  answers_invalid: {
    title: { 'zh-CN': '问卷答案有误', en: 'Answers do not fit the questionnaire' },
    detail: { 'zh-CN': '有 {count} 处答案与问卷不符。', en: '{count} answer(s) do not fit the questionnaire version.' },
  },
  questionnaire_version_not_for_task: {
    title: { 'zh-CN': '问卷版本不符', en: 'Wrong questionnaire version' },
    detail: { 'zh-CN': '所填问卷版本不是本任务使用的问卷，请刷新后按本任务的问卷重新填写。', en: 'The questionnaire version is not one of the questionnaire this task uses; reload and answer the task’s questionnaire.' },
  },
  idempotency_key_reused: {
    title: { 'zh-CN': '重复的请求标识', en: 'Idempotency key reused' },
    detail: {
      'zh-CN': '这个 Idempotency-Key 已用于另一条记录，请为新的提交使用新的标识。',
      en: 'This Idempotency-Key was already used for a different record; use a new key for a new submission.',
    },
  },
  attachment_too_large: {
    title: { 'zh-CN': '附件过大', en: 'Attachment too large' },
    detail: { 'zh-CN': '附件不能超过 {limitMb} MB。', en: 'Attachments may not exceed {limitMb} MB.' },
  },
  attachment_type: {
    title: { 'zh-CN': '不支持的附件类型', en: 'Unsupported attachment type' },
    detail: { 'zh-CN': '只能上传 JPG、PNG 图片或 PDF 文件。', en: 'Only JPG and PNG images and PDF files can be attached.' },
  },
  time_range_invalid: {
    title: { 'zh-CN': '时间有误', en: 'Invalid time' },
    detail: { 'zh-CN': '结束时间不能早于开始时间，也不能晚于现在。', en: 'The end time may not be before the start time or in the future.' },
  },
  overloaded: {
    title: { 'zh-CN': '服务器繁忙', en: 'Server busy' },
    detail: { 'zh-CN': '服务器当前请求过多，请稍后几秒再试。', en: 'The server is handling too many requests; please try again in a few seconds.' },
  },
  internal_error: {
    title: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
    detail: {
      'zh-CN': '服务器处理请求时出错，请稍后重试。请求编号：{requestId}',
      en: 'The server failed to handle the request. Please try again later. Request id: {requestId}',
    },
  },
} satisfies Messages;

export type ErrorCode = keyof typeof MESSAGES;

/** Field-level messages for schema validation, keyed by zod issue code or by a custom message key. */
const FIELD_MESSAGES: Record<string, Record<Locale, string>> = {
  required: { 'zh-CN': '必填', en: 'is required' },
  invalid_type: { 'zh-CN': '类型不正确，应为 {expected}', en: 'has the wrong type; expected {expected}' },
  too_small: { 'zh-CN': '太短或太小（最少 {minimum}）', en: 'is too short or too small (minimum {minimum})' },
  too_big: { 'zh-CN': '太长或太大（最多 {maximum}）', en: 'is too long or too large (maximum {maximum})' },
  invalid_value: { 'zh-CN': '取值不在允许范围内：{values}', en: 'must be one of: {values}' },
  invalid_format: { 'zh-CN': '格式不正确', en: 'has an invalid format' },
  unrecognized_keys: { 'zh-CN': '不认识的字段：{keys}', en: 'unknown field(s): {keys}' },
  password_too_short: { 'zh-CN': '至少 {min} 个字符', en: 'needs at least {min} characters' },
  password_too_long: { 'zh-CN': '最多 {max} 个字符', en: 'may have at most {max} characters' },
  password_whitespace: { 'zh-CN': '首尾不能有空格', en: 'may not start or end with a blank' },
  password_contains_username: { 'zh-CN': '不能包含用户名', en: 'may not contain your username' },
  password_contains_name: { 'zh-CN': '不能包含姓名', en: 'may not contain your name' },
  password_contains_company: { 'zh-CN': '不能包含公司名称', en: 'may not contain the company name' },
  password_too_common: { 'zh-CN': '是常见密码或常用词', en: 'is a common password or word' },
  password_predictable: { 'zh-CN': '是键盘顺序、重复、连续数字或日期', en: 'is a keyboard pattern, repetition, sequence or date' },
  password_too_weak: { 'zh-CN': '太容易被猜到', en: 'is too easy to guess' },
  username_format: { 'zh-CN': '只能包含字母、数字、点、下划线和连字符', en: 'may contain only letters, digits, dot, underscore and hyphen' },
  code_format: { 'zh-CN': '只能包含字母、数字、下划线和连字符', en: 'may contain only letters, digits, underscore and hyphen' },
  invalid: { 'zh-CN': '无效', en: 'is invalid' },
  wrong_password: { 'zh-CN': '当前密码不正确', en: 'is not your current password' },
  unknown_question: { 'zh-CN': '问卷中没有这道题：{key}', en: 'is not a question of this questionnaire: {key}' },
  not_asked: { 'zh-CN': '根据前面的回答，这道题不应作答', en: 'was not asked, given the earlier answers' },
  wrong_type: { 'zh-CN': '答案类型不对（{type}）', en: 'has the wrong type of answer ({type})' },
  out_of_range: { 'zh-CN': '分值超出范围', en: 'is out of range' },
  invalid_option: { 'zh-CN': '不是可选的选项', en: 'is not one of the options' },
  not_applicable_not_allowed: { 'zh-CN': '这道题不能选“不清楚”', en: 'cannot be answered “not applicable”' },
  phone_invalid: { 'zh-CN': '不是有效的中国手机号或固定电话：{value}', en: 'is not a valid Chinese mobile or landline number: {value}' },
  password_reused: { 'zh-CN': '新密码不能与当前密码相同', en: 'must differ from the current password' },
  notice_line_unreadable: { 'zh-CN': '无法识别“{text}”：请写明日期以及“放假”或“上班”', en: 'cannot read “{text}”: give the date and whether it is a day off (放假) or a working day (上班)' },
  notice_date_invalid: { 'zh-CN': '日期“{date}”不存在或范围有误', en: 'the date “{date}” does not exist or the range is wrong' },
  notice_date_outside_year: { 'zh-CN': '{date} 不在 {year} 年内', en: '{date} is not in {year}' },
  notice_day_conflict: { 'zh-CN': '{date} 同时被写成放假和上班', en: '{date} is given both as a day off and as a working day' },
  notice_workday_on_weekday: { 'zh-CN': '{date} 是工作日，调休上班通常在周末，请核对', en: '{date} is a weekday; make-up working days are usually at weekends — please check' },
  notice_statutory_day_missing: { 'zh-CN': '法定节假日 {date}（{name}）不在通知中，请核对是否漏了一行', en: 'the statutory holiday {date} ({name}) is not in the notice — was a line left out?' },
  notice_empty: { 'zh-CN': '没有读到 {year} 年的任何放假或上班日期', en: 'no day off or working day for {year} was found' },
  control_character: { 'zh-CN': '含有不允许的控制字符（{char}）', en: 'contains a control character that is not allowed ({char})' },
  integer_format: { 'zh-CN': '须为十进制整数，如 12（不带 + 号、空格、小数点或前导零）', en: 'must be a plain decimal integer such as 12 (no plus sign, spaces, decimal point or leading zeros)' },
  number_format: { 'zh-CN': '须为十进制数，如 3 或 3.5', en: 'must be a plain decimal number such as 3 or 3.5' },
  too_deep: { 'zh-CN': '嵌套层级过深（最多 {maximum} 层）', en: 'is nested too deeply (at most {maximum} levels)' },
};

export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function message(code: ErrorCode, locale: Locale, params?: Record<string, unknown>) {
  const m = MESSAGES[code];
  return { title: m.title[locale], detail: fill(m.detail[locale], params) };
}

export function fieldMessage(key: string, locale: Locale, params?: Record<string, unknown>): string {
  const m = FIELD_MESSAGES[key] ?? FIELD_MESSAGES.invalid;
  return fill(m[locale], params);
}

/** Entity names used in "not found" and "invalid reference" messages. */
export const ENTITY_NAMES: Record<string, Record<Locale, string>> = {
  user: { 'zh-CN': '账号', en: 'user' },
  role: { 'zh-CN': '角色', en: 'role' },
  community: { 'zh-CN': '小区', en: 'community' },
  department: { 'zh-CN': '部门', en: 'department' },
  token: { 'zh-CN': '访问令牌', en: 'API token' },
  household: { 'zh-CN': '房屋', en: 'household' },
  resident: { 'zh-CN': '住户', en: 'resident' },
  staff: { 'zh-CN': '员工', en: 'staff member' },
  tag: { 'zh-CN': '标签', en: 'tag' },
  import: { 'zh-CN': '导入任务', en: 'import' },
  task: { 'zh-CN': '回访任务', en: 'visit task' },
  record: { 'zh-CN': '回访记录', en: 'visit record' },
  questionnaire: { 'zh-CN': '问卷', en: 'questionnaire' },
  attachment: { 'zh-CN': '附件', en: 'attachment' },
  issue: { 'zh-CN': '问题', en: 'issue' },
  category: { 'zh-CN': '问题分类', en: 'issue category' },
  override: { 'zh-CN': '日历调整', en: 'calendar override' },
  calendar_notice: { 'zh-CN': '放假通知', en: 'holiday notice' },
  notification: { 'zh-CN': '通知', en: 'notification' },
  resource: { 'zh-CN': '资源', en: 'resource' },
};

/** Task and issue statuses and events named in messages (task_transition_invalid, issue_transition_invalid, …). */
export const STATE_WORDS: Record<string, Record<Locale, string>> = {
  pending: { 'zh-CN': '待回访', en: 'pending' },
  appointed: { 'zh-CN': '已预约', en: 'appointed' },
  completed: { 'zh-CN': '已完成', en: 'completed' },
  unreachable: { 'zh-CN': '未接通', en: 'unreachable' },
  refused: { 'zh-CN': '拒访', en: 'refused' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
  appoint: { 'zh-CN': '预约', en: 'make an appointment' },
  unappoint: { 'zh-CN': '取消预约', en: 'remove the appointment' },
  complete: { 'zh-CN': '完成回访', en: 'complete the visit' },
  refuse: { 'zh-CN': '记为拒访', en: 'record a refusal' },
  give_up: { 'zh-CN': '记为未接通', en: 'mark as unreachable' },
  cancel: { 'zh-CN': '取消任务', en: 'cancel the task' },
  new: { 'zh-CN': '新建', en: 'new' },
  assigned: { 'zh-CN': '已分派', en: 'assigned' },
  in_progress: { 'zh-CN': '处理中', en: 'in progress' },
  resolved: { 'zh-CN': '已解决', en: 'resolved' },
  closed: { 'zh-CN': '已关闭', en: 'closed' },
  reopened: { 'zh-CN': '已重开', en: 'reopened' },
  not_adopted: { 'zh-CN': '未采纳', en: 'not adopted' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  start: { 'zh-CN': '开始处理', en: 'start work' },
  resolve: { 'zh-CN': '解决', en: 'resolve' },
  confirm: { 'zh-CN': '确认已解决', en: 'confirm it is solved' },
  reopen: { 'zh-CN': '重新打开', en: 'reopen' },
  adopt: { 'zh-CN': '采纳', en: 'adopt' },
  reject: { 'zh-CN': '不采纳', en: 'not adopt' },
  withdraw: { 'zh-CN': '撤回', en: 'withdraw' },
  acknowledge: { 'zh-CN': '致谢并关闭', en: 'acknowledge' },
  close: { 'zh-CN': '不经确认关闭', en: 'close without confirmation' },
  close_unconfirmed: { 'zh-CN': '按未能确认关闭', en: 'close as unconfirmed' },
  holiday: { 'zh-CN': '节假日', en: 'holiday' },
  workday: { 'zh-CN': '调休工作日', en: 'working day' },
  rest_day: { 'zh-CN': '公司休息日', en: 'company rest day' },
};

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
