// The form's title and header cells: 部门名称 and 年度 on a department form; 项目名称, 主管部门,
// 实施单位 and 年度 on a project form.
import { Cell } from './Cell';
import { useEditor } from './EditorContext';

export function FormHeader() {
  const { draft } = useEditor();
  const project = draft.kind === 'project';
  return (
    <>
      <h2 class="form-title">{draft.title || (project ? '项目支出绩效自评表' : '部门整体支出绩效自评表')}</h2>
      <table class="grid official header-table">
        <tbody>
          {project ? (
            <>
              <tr><th>项目名称</th><Cell path="project" label="项目名称" /><th>年度</th><Cell path="year" kind="whole" label="年度" class="num" /></tr>
              <tr><th>主管部门</th><Cell path="department" label="主管部门" /><th>实施单位</th><Cell path="implementing_unit" label="实施单位" /></tr>
            </>
          ) : (
            <tr><th>部门名称</th><Cell path="department" label="部门名称" /><th>年度</th><Cell path="year" kind="whole" label="年度" class="num" /></tr>
          )}
        </tbody>
      </table>
    </>
  );
}
