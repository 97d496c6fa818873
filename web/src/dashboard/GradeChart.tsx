// 等级分布: how many forms of the year got 优/良/中/差 (GET /api/forms/stats).
import { EChart } from './EChart';

const colours: Record<string, string> = { 优: '#2e7d32', 良: '#1565c0', 中: '#ef6c00', 差: '#c62828' };

export function GradeChart({ byGrade }: { byGrade: Record<string, number> }) {
  const grades = ['优', '良', '中', '差'];
  const option = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      name: '等级', type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
      label: { formatter: '{b}：{c} 张' },
      data: grades.map((g) => ({ name: g, value: byGrade[g] ?? 0, itemStyle: { color: colours[g] } })),
    }],
    animation: false,
  };
  return <EChart option={option} height={260} label="等级分布" />;
}
