import { addMessages } from '../i18n.js';

// The visit plan section's texts (issue 18), zh-CN first, English beside it.
addMessages({
  'zh-CN': {
    'sched.title': '多日计划',
    'sched.start': '开始日期', 'sched.days': '天数',
    'sched.team': '队伍 {n}', 'sched.addTeam': '添加队伍',
    'sched.rentals': '出租房（按下次检查日期）', 'sched.keyPlaces': '重点场所 每周次数', 'sched.elderly': '独居老人 每 N 天',
    'sched.window': '时段',
    'patrol.mix': '同时加入所选网格的登记点', 'patrol.pointWindow': '时段 如 18:00-21:00',
    'sched.wholeArea': '整个辖区（否则为所选网格）',
    'sched.plan': '生成计划', 'sched.planning': '正在生成计划…',
    'sched.totals': '{planned} 次走访，{unmet} 次无法安排；{km} 公里，{hours} 小时；超班 {overrun} 秒',
    'sched.day': '日期', 'sched.stops': '走访', 'sched.km': '公里',
    'sched.unmet': '无法安排的走访（{count}）',
    'sched.reason.NO_SHIFT_BEFORE_DUE': '到期前无班次', 'sched.reason.UNREACHABLE': '无法到达',
    'sched.reason.OUTSIDE_TIME_WINDOWS': '不在时段内', 'sched.reason.EXCEEDS_SHIFT_ALONE': '单独也超出班次',
    'sched.reason.SHIFTS_FULL': '班次已满',
    'sched.print': '打印当日（A4）', 'sched.gpx': 'GPX {team}',
  },
  en: {
    'sched.title': 'Visit plan',
    'sched.start': 'First day', 'sched.days': 'Days',
    'sched.team': 'Team {n}', 'sched.addTeam': 'Add team',
    'sched.rentals': 'Rentals (by next inspection)', 'sched.keyPlaces': 'Key places, times a week', 'sched.elderly': 'Elderly alone, every N days',
    'sched.window': 'Window',
    'patrol.mix': 'also the chosen grid\'s register checkpoints', 'patrol.pointWindow': 'window e.g. 18:00-21:00',
    'sched.wholeArea': 'Whole jurisdiction (else the chosen grid)',
    'sched.plan': 'Plan visits', 'sched.planning': 'Planning the visits…',
    'sched.totals': '{planned} visits, {unmet} cannot be met; {km} km, {hours} h; shift overrun {overrun} s',
    'sched.day': 'Day', 'sched.stops': 'Visits', 'sched.km': 'km',
    'sched.unmet': 'Visits that cannot be met ({count})',
    'sched.reason.NO_SHIFT_BEFORE_DUE': 'no shift before due', 'sched.reason.UNREACHABLE': 'unreachable',
    'sched.reason.OUTSIDE_TIME_WINDOWS': 'outside its time windows', 'sched.reason.EXCEEDS_SHIFT_ALONE': 'longer than a shift alone',
    'sched.reason.SHIFTS_FULL': 'shifts full',
    'sched.print': 'Print the day (A4)', 'sched.gpx': 'GPX {team}',
  },
});
