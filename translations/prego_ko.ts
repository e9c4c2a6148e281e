<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>ConsoleOptions</name>
        <message>
            <source>%1 needs a value; see --help.</source>
            <translation>%1에는 값이 필요합니다. --help를 참고하세요.</translation>
        </message>
        <message>
            <source>--palette takes system, light or dark; see --help.</source>
            <translation>--palette에는 system, light, dark 중 하나를 씁니다. --help를 참고하세요.</translation>
        </message>
        <message>
            <source>Unknown option %1; see --help.</source>
            <translation>알 수 없는 옵션 %1입니다. --help를 참고하세요.</translation>
        </message>
        <message>
            <source>Usage: prego-console [--lang ko|en] [--profile NAME] [--demo] [--node ID]
                     [--job ID] [--palette system|light|dark] [--screenshot DIR]

  --lang ko|en       language of the console (default: the system's)
  --palette SCHEME   colours for this run: system (default), light or dark
  --profile NAME     connect to this profile
  --demo             start a local demo control plane with a simulated fleet
  --node ID          open this node's detail once the fleet is shown
  --job ID           open this provisioning job
                     (a second start hands both to the running console)
  --screenshot DIR   render the dashboard, the heatmap, a node detail, the jobs
                     and the verification to PNG files in DIR and exit (with
                     --demo also the wizard's pages and a job's trace)
</source>
            <translation>사용법: prego-console [--lang ko|en] [--profile 이름] [--demo] [--node ID]
                     [--job ID] [--palette system|light|dark] [--screenshot 디렉터리]

  --lang ko|en       콘솔 언어 (기본값: 시스템 언어)
  --palette 색상     이번 실행의 색상: system (기본값), light, dark
  --profile 이름     이 프로필로 연결
  --demo             시뮬레이션 플릿이 있는 로컬 데모 제어 플레인 시작
  --node ID          플릿이 표시되면 이 노드의 상세 화면 열기
  --job ID           이 프로비저닝 작업 열기
                     (두 번째로 실행하면 둘 다 실행 중인 콘솔에 넘깁니다)
  --screenshot 디렉터리  대시보드, 히트맵, 노드 상세, 작업 목록, 검증 화면을
                     디렉터리에 PNG 파일로 렌더링하고 종료 (--demo와 함께면
                     마법사 페이지와 작업 추적도)
</translation>
        </message>
    </context>
    <context>
        <name>QWizard</name>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; 뒤로(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>다음(&amp;N) &gt;</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
    </context>
    <context>
        <name>prego::AckDialog</name>
        <message>
            <source>Write a comment: who is on it, or why it can wait.</source>
            <translation>메모를 입력하세요: 누가 처리 중인지, 또는 왜 미뤄도 되는지.</translation>
        </message>
        <message>
            <source>The comment is %1 characters long; at most %2 are allowed.</source>
            <extracomment>%1: the comment's length, %2: the most allowed (500)</extracomment>
            <translation>메모가 %1자입니다. 최대 %2자까지 입력할 수 있습니다.</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <extracomment>characters used of those allowed: "12 / 500"</extracomment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Acknowledge alerts</source>
            <translation>경보 확인 처리</translation>
        </message>
        <message>
            <source>Acknowledged alerts stay listed but do not notify again until they resolve. Say who is on it or why it can wait.</source>
            <translation>확인 처리한 경보는 목록에 남지만 해결될 때까지 다시 알리지 않습니다. 누가 처리 중인지, 또는 왜 미뤄도 되는지 적으세요.</translation>
        </message>
        <message>
            <source>%1 — %2 — %3</source>
            <extracomment>one alert in a list: node id — rule — state</extracomment>
            <translation>%1 — %2 — %3</translation>
        </message>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>외 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Comment:</source>
            <translation>메모(&amp;C):</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>메모</translation>
        </message>
        <message>
            <source>e.g. “alice: replacing the disk, back by 15:00”</source>
            <translation>예: “alice: 디스크 교체 중, 15:00까지 복구”</translation>
        </message>
        <message>
            <source>&amp;Acknowledge</source>
            <translation>확인 처리(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>prego::AgeText</name>
        <message>
            <source>never</source>
            <translation>없음</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>방금</translation>
        </message>
        <message numerus="yes">
            <source>%n s ago</source>
            <comment>seconds, abbreviated</comment>
            <translation>
                <numerusform>%n초 전</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <comment>minutes, abbreviated</comment>
            <translation>
                <numerusform>%n분 전</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <comment>hours, abbreviated</comment>
            <translation>
                <numerusform>%n시간 전</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n일 전</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n s</source>
            <comment>duration in seconds</comment>
            <translation>
                <numerusform>%n초</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min</source>
            <comment>duration in minutes</comment>
            <translation>
                <numerusform>%n분</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h</source>
            <comment>duration in hours</comment>
            <translation>
                <numerusform>%n시간</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <comment>duration in days</comment>
            <translation>
                <numerusform>%n일</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>prego::AlertCommands</name>
        <message>
            <source>
Alert commands:
  alerts --profile NAME [--output table|json] [--exit-code]
                            poll once, evaluate the alert rules and list what is
                            firing, pending or unknown; --exit-code exits 8 while
                            an alert of a node that is not silenced fires
  ack NODE[/RULE]… --comment TEXT --profile NAME
                            acknowledge alerts (all of a node's, or one rule's:
                            freshness, cpu, memory, disk); they stay quiet until
                            they resolve
</source>
            <translation>
경보 명령:
  alerts --profile NAME [--output table|json] [--exit-code]
                            한 번 폴링하여 경보 규칙을 평가하고 발생 중, 대기 중,
                            알 수 없음인 경보를 나열합니다; --exit-code는 사일런스되지
                            않은 노드의 경보가 발생 중이면 8로 끝납니다
  ack NODE[/RULE]… --comment TEXT --profile NAME
                            경보를 확인 처리합니다 (노드의 모든 경보, 또는 규칙 하나:
                            freshness, cpu, memory, disk); 해결될 때까지
                            다시 알리지 않습니다
</translation>
        </message>
        <message>
            <source>--output is table or json.</source>
            <translation>--output은 table 또는 json입니다.</translation>
        </message>
        <message>
            <source>NODE</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>RULE</source>
            <translation>규칙</translation>
        </message>
        <message>
            <source>STATE</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>VALUE</source>
            <translation>값</translation>
        </message>
        <message>
            <source>SINCE</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>ACKNOWLEDGED</source>
            <translation>확인 처리</translation>
        </message>
        <message>
            <source>SILENCED</source>
            <translation>사일런스</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>until %1 (%2)</source>
            <translation>%1까지 (%2)</translation>
        </message>
        <message>
            <source>No alert is pending or firing.</source>
            <translation>대기 중이거나 발생 중인 경보가 없습니다.</translation>
        </message>
        <message numerus="yes">
            <source>%n alert(s)</source>
            <translation>
                <numerusform>경보 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Name the alerts: NODE for all of a node's, NODE/RULE for one.</source>
            <translation>경보를 지정하십시오: 노드의 모든 경보는 NODE, 하나는 NODE/RULE.</translation>
        </message>
        <message>
            <source>--comment wants a text of 1 to 500 characters.</source>
            <translation>--comment에는 1~500자의 글이 필요합니다.</translation>
        </message>
        <message>
            <source>No pending, firing or unknown alert matches %1; prego-ctl alerts lists them.</source>
            <translation>%1에 해당하는 대기 중, 발생 중 또는 알 수 없음 경보가 없습니다. prego-ctl alerts로 목록을 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>Acknowledged %1.</source>
            <translation>%1을(를) 확인 처리했습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertHistoryModel</name>
        <message>
            <source>Time</source>
            <translation>시각</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>규칙</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>변경</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>New → %1</source>
            <extracomment>an alert began in this state</extracomment>
            <translation>새로 발생 → %1</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <extracomment>an alert's change of state: from → to</extracomment>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Region %1</source>
            <translation>리전 %1</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertListModel</name>
        <message>
            <source>Node</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>규칙</translation>
        </message>
        <message>
            <source>State</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>확인 처리</translation>
        </message>
        <message>
            <source>Silenced</source>
            <translation>사일런스</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <extracomment>who acknowledged the alert · their comment</extracomment>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Over the threshold since %1, firing since %2</source>
            <translation>%1부터 임계값 초과, %2부터 발생 중</translation>
        </message>
        <message>
            <source>Since %1</source>
            <translation>%1부터</translation>
        </message>
        <message>
            <source>Acknowledged by %1 at %2: %3</source>
            <extracomment>%1: who, %2: when, %3: their comment</extracomment>
            <translation>%2에 %1이(가) 확인 처리함: %3</translation>
        </message>
        <message>
            <source>Silenced by %1 until %2: %3</source>
            <extracomment>%1: who set the silence, %2: when it ends, %3: why</extracomment>
            <translation>%1이(가) %2까지 사일런스 설정: %3</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertMarks</name>
        <message>
            <source>freshness</source>
            <extracomment>the alert rule on a node's freshness (stale, never reported)</extracomment>
            <translation>신선도</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>memory</source>
            <translation>메모리</translation>
        </message>
        <message>
            <source>disk</source>
            <translation>디스크</translation>
        </message>
        <message>
            <source>pending</source>
            <extracomment>an alert's state: over the threshold, its window not yet full</extracomment>
            <translation>대기 중</translation>
        </message>
        <message>
            <source>firing</source>
            <extracomment>an alert's state: over the threshold for its whole window</extracomment>
            <translation>발생 중</translation>
        </message>
        <message>
            <source>resolved</source>
            <translation>해결됨</translation>
        </message>
        <message>
            <source>unknown</source>
            <extracomment>an alert's state: the node stopped pushing, so we cannot tell</extracomment>
            <translation>알 수 없음</translation>
        </message>
        <message>
            <source>never reported</source>
            <extracomment>a freshness alert's condition: the node has never pushed metrics</extracomment>
            <translation>보고 없음</translation>
        </message>
        <message>
            <source>stale</source>
            <extracomment>a freshness alert's condition: the node's last push is older than the threshold</extracomment>
            <translation>지연</translation>
        </message>
        <message>
            <source>CPU ≥ %1 %</source>
            <extracomment>an alert's condition, e.g. "CPU ≥ 90 %"</extracomment>
            <translation>CPU ≥ %1 %</translation>
        </message>
        <message>
            <source>memory ≥ %1 %</source>
            <extracomment>an alert's condition, e.g. "memory ≥ 90 %"</extracomment>
            <translation>메모리 ≥ %1 %</translation>
        </message>
        <message>
            <source>disk ≥ %1 %</source>
            <extracomment>an alert's condition, e.g. "disk ≥ 85 %"</extracomment>
            <translation>디스크 ≥ %1 %</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertMonitor</name>
        <message>
            <source>%1
Alerts are still evaluated, but they are not kept across a restart.</source>
            <translation>%1
경보는 계속 평가되지만 다시 시작하면 유지되지 않습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertOverrideDialog</name>
        <message>
            <source>Enter the node id.</source>
            <translation>노드 ID를 입력하세요.</translation>
        </message>
        <message>
            <source>Enter the region.</source>
            <translation>리전을 입력하세요.</translation>
        </message>
        <message>
            <source>Tick at least one setting to change.</source>
            <translation>바꿀 설정을 하나 이상 선택하세요.</translation>
        </message>
        <message>
            <source>The clear margin (%1) must be smaller than the threshold (%2).</source>
            <translation>해제 여유(%1)는 임계값(%2)보다 작아야 합니다.</translation>
        </message>
        <message>
            <source>region, e.g. fsn1</source>
            <translation>리전, 예: fsn1</translation>
        </message>
        <message>
            <source>node id, e.g. fsn1-shared-07</source>
            <translation>노드 ID, 예: fsn1-shared-07</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>Node id</source>
            <translation>노드 ID</translation>
        </message>
        <message>
            <source>Alert rule override</source>
            <translation>경보 규칙 재정의</translation>
        </message>
        <message>
            <source>Changes one rule for one node or for every node of a region. What is not ticked comes from the region's override, then from the defaults; a node's override wins over its region's.</source>
            <translation>노드 하나 또는 리전의 모든 노드에 대해 규칙 하나를 바꿉니다. 선택하지 않은 설정은 리전의 재정의를, 그다음 기본값을 따릅니다. 노드의 재정의가 리전의 재정의보다 우선합니다.</translation>
        </message>
        <message>
            <source>&amp;Applies to:</source>
            <translation>적용 대상(&amp;A):</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>이름(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Rule:</source>
            <translation>규칙(&amp;R):</translation>
        </message>
        <message>
            <source>A node</source>
            <translation>노드 하나</translation>
        </message>
        <message>
            <source>Every node of a region</source>
            <translation>리전의 모든 노드</translation>
        </message>
        <message>
            <source>On</source>
            <translation>켜짐</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>꺼짐</translation>
        </message>
        <message>
            <source>Rule on or off</source>
            <translation>규칙 켜기/끄기</translation>
        </message>
        <message>
            <source>Rule &amp;on or off:</source>
            <translation>규칙 켜기/끄기(&amp;O):</translation>
        </message>
        <message>
            <source>&amp;Threshold:</source>
            <translation>임계값(&amp;T):</translation>
        </message>
        <message>
            <source>&amp;Window:</source>
            <translation>기간(&amp;W):</translation>
        </message>
        <message>
            <source>&amp;Clear margin:</source>
            <translation>해제 여유(&amp;C):</translation>
        </message>
        <message>
            <source> %</source>
            <extracomment>a percentage's unit, after the number</extracomment>
            <translation> %</translation>
        </message>
        <message>
            <source> points</source>
            <extracomment>percentage points, after the number</extracomment>
            <translation>포인트</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertRulesCodec</name>
        <message>
            <source>The setting %1 must be a number from 0 to 100 (percent).</source>
            <translation>설정 %1은(는) 0에서 100 사이의 숫자(퍼센트)여야 합니다.</translation>
        </message>
        <message>
            <source>The setting %1 must be a whole number of seconds from 0 to 86400 (one day).</source>
            <translation>설정 %1은(는) 0에서 86400(하루) 사이의 정수 초여야 합니다.</translation>
        </message>
        <message>
            <source>The setting %1 must be a number of percentage points from 0 to 50.</source>
            <translation>설정 %1은(는) 0에서 50 사이의 퍼센트포인트여야 합니다.</translation>
        </message>
        <message>
            <source>The setting %1 does not exist: the freshness rule can only be turned on or off (its window is the profile's stale threshold).</source>
            <translation>설정 %1은(는) 없습니다. 신선도 규칙은 켜거나 끌 수만 있습니다(기간은 프로필의 지연 기준입니다).</translation>
        </message>
        <message>
            <source>%1 is not a valid node id (lowercase letters, digits and hyphens, at most 63).</source>
            <translation>%1은(는) 올바른 노드 ID가 아닙니다(영문 소문자, 숫자, 하이픈으로 최대 63자).</translation>
        </message>
        <message>
            <source>%1 names a region with an empty name.</source>
            <translation>%1에 이름이 비어 있는 리전이 있습니다.</translation>
        </message>
        <message>
            <source>The setting %1 must be a JSON object.</source>
            <translation>설정 %1은(는) JSON 객체여야 합니다.</translation>
        </message>
        <message>
            <source>The setting %1 must be a number.</source>
            <translation>설정 %1은(는) 숫자여야 합니다.</translation>
        </message>
        <message>
            <source>%1 is not an alert rule; the rules are freshness, cpu, memory and disk.</source>
            <translation>%1은(는) 경보 규칙이 아닙니다. 규칙은 freshness, cpu, memory, disk입니다.</translation>
        </message>
        <message>
            <source>The setting %1 must be true or false.</source>
            <translation>설정 %1은(는) true 또는 false여야 합니다.</translation>
        </message>
        <message>
            <source>%1 is not a setting of an alert rule; the settings are enabled, threshold, window_seconds and clear_margin.</source>
            <translation>%1은(는) 경보 규칙의 설정이 아닙니다. 설정은 enabled, threshold, window_seconds, clear_margin입니다.</translation>
        </message>
        <message>
            <source>The alert rules are not valid JSON (%1 at byte %2).</source>
            <translation>경보 규칙이 올바른 JSON이 아닙니다(바이트 %2에서 %1).</translation>
        </message>
        <message>
            <source>The alert rules must be a JSON object.</source>
            <translation>경보 규칙은 JSON 객체여야 합니다.</translation>
        </message>
        <message>
            <source>%1 is not part of the alert rules; they are freshness, cpu, memory, disk, node_overrides and region_overrides.</source>
            <translation>%1은(는) 경보 규칙의 항목이 아닙니다. 항목은 freshness, cpu, memory, disk, node_overrides, region_overrides입니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertRulesDialog</name>
        <message>
            <source>the threshold must be between 1 % and 100 %.</source>
            <translation>임계값은 1 %에서 100 % 사이여야 합니다.</translation>
        </message>
        <message>
            <source>the window must be at most 24 hours.</source>
            <translation>기간은 24시간 이하여야 합니다.</translation>
        </message>
        <message>
            <source>the clear margin (%1) must be smaller than the threshold (%2).</source>
            <translation>해제 여유(%1)는 임계값(%2)보다 작아야 합니다.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>%1: a rule (CPU, Memory, Disk), %2: what is wrong with its values</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>An override names no node or region.</source>
            <translation>노드나 리전을 지정하지 않은 재정의가 있습니다.</translation>
        </message>
        <message>
            <source>The override for %1, %2: %3</source>
            <extracomment>%1: a node id or region, %2: a rule, %3: what is wrong with its values</extracomment>
            <translation>%1의 %2 재정의: %3</translation>
        </message>
        <message>
            <source>on</source>
            <translation>켜짐</translation>
        </message>
        <message>
            <source>off</source>
            <translation>꺼짐</translation>
        </message>
        <message>
            <source>threshold %1</source>
            <translation>임계값 %1</translation>
        </message>
        <message>
            <source>window %1</source>
            <translation>기간 %1</translation>
        </message>
        <message>
            <source>clear margin %1</source>
            <translation>해제 여유 %1</translation>
        </message>
        <message>
            <source>Node %1</source>
            <translation>노드 %1</translation>
        </message>
        <message>
            <source>Region %1</source>
            <translation>리전 %1</translation>
        </message>
        <message>
            <source>Alert rules</source>
            <translation>경보 규칙</translation>
        </message>
        <message>
            <source>An alert is pending while a value stays at or above its threshold, and fires once the window is full. It clears only after the value stays below the threshold minus the clear margin for a whole window, so a value hovering at the threshold fires once.</source>
            <translation>값이 임계값 이상으로 유지되는 동안 경보는 대기 중이며, 기간이 다 차면 발생합니다. 값이 임계값에서 해제 여유를 뺀 값보다 낮게 기간 내내 유지되어야 해제되므로, 임계값 근처를 오가는 값은 한 번만 발생합니다.</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>규칙</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>임계값</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>기간</translation>
        </message>
        <message>
            <source>Clear margin</source>
            <translation>해제 여유</translation>
        </message>
        <message>
            <source>A node fires when it is stale or has never reported; the window is the profile's stale threshold.</source>
            <translation>노드가 지연되거나 보고한 적이 없으면 발생합니다. 기간은 프로필의 지연 기준입니다.</translation>
        </message>
        <message>
            <source>%1 rule on</source>
            <extracomment>%1: a rule's name</extracomment>
            <translation>%1 규칙 켜기</translation>
        </message>
        <message>
            <source> %</source>
            <extracomment>a percentage's unit, after the number</extracomment>
            <translation> %</translation>
        </message>
        <message>
            <source> points</source>
            <extracomment>percentage points, after the number</extracomment>
            <translation>포인트</translation>
        </message>
        <message>
            <source>%1 threshold</source>
            <translation>%1 임계값</translation>
        </message>
        <message>
            <source>%1 window</source>
            <translation>%1 기간</translation>
        </message>
        <message>
            <source>%1 clear margin</source>
            <translation>%1 해제 여유</translation>
        </message>
        <message>
            <source>&amp;Overrides for nodes and regions:</source>
            <translation>노드 및 리전별 재정의(&amp;O):</translation>
        </message>
        <message>
            <source>Applies to</source>
            <translation>적용 대상</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>변경 내용</translation>
        </message>
        <message>
            <source>Overrides</source>
            <translation>재정의</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>추가(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>편집(&amp;E)…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>제거(&amp;M)</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertSession</name>
        <message>
            <source>There is no pending, firing or unknown alert %1 to acknowledge; it may have resolved meanwhile.</source>
            <translation>확인할 대기, 발생 또는 알 수 없음 상태의 경보 %1이(가) 없습니다. 그사이 해결되었을 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertStore</name>
        <message>
            <source>The folder %1 for the alerts database cannot be created.</source>
            <translation>경보 데이터베이스 폴더 %1을(를) 만들 수 없습니다.</translation>
        </message>
        <message>
            <source>The file %1 is not an alerts database of this console. It was left untouched; move it elsewhere so that alerts can be kept.</source>
            <translation>파일 %1은(는) 이 콘솔의 경보 데이터베이스가 아닙니다. 파일은 그대로 두었습니다. 경보를 보관하려면 파일을 다른 곳으로 옮기세요.</translation>
        </message>
        <message>
            <source>The alerts database %1 cannot be opened: %2</source>
            <translation>경보 데이터베이스 %1을(를) 열 수 없습니다: %2</translation>
        </message>
        <message>
            <source>The alerts database %1 is damaged (%2). It was left untouched; move it elsewhere so that alerts can be kept.</source>
            <translation>경보 데이터베이스 %1이(가) 손상되었습니다(%2). 파일은 그대로 두었습니다. 경보를 보관하려면 파일을 다른 곳으로 옮기세요.</translation>
        </message>
        <message>
            <source>The alerts database %1 cannot be used: %2</source>
            <translation>경보 데이터베이스 %1을(를) 사용할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>The alerts database %1 was written by a newer version (schema %2); this version understands schema %3.</source>
            <translation>경보 데이터베이스 %1은(는) 더 새로운 버전이 기록했습니다(스키마 %2). 이 버전은 스키마 %3까지 이해합니다.</translation>
        </message>
        <message>
            <source>The alerts database %1 cannot be set up: %2</source>
            <translation>경보 데이터베이스 %1을(를) 준비할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>The alerts database is not open.</source>
            <translation>경보 데이터베이스가 열려 있지 않습니다.</translation>
        </message>
        <message>
            <source>The stored alert rules cannot be read, so the default rules apply: %1</source>
            <translation>저장된 경보 규칙을 읽을 수 없어 기본 규칙을 적용합니다: %1</translation>
        </message>
        <message>
            <source>The stored alert rules cannot be used, so the default rules apply until rules are saved again: %1</source>
            <translation>저장된 경보 규칙을 사용할 수 없어 규칙을 다시 저장할 때까지 기본 규칙을 적용합니다: %1</translation>
        </message>
        <message>
            <source>The alert rules could not be saved: %1</source>
            <translation>경보 규칙을 저장할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>The stored alerts cannot be read: %1</source>
            <translation>저장된 경보를 읽을 수 없습니다: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n stored alert(s) could not be read and were left out.</source>
            <translation>
                <numerusform>저장된 경보 %n개를 읽을 수 없어 제외했습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>The alerts could not be saved: %1</source>
            <translation>경보를 저장할 수 없습니다: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertText</name>
        <message>
            <source>Stale or never reported</source>
            <translation>지연 또는 보고 없음</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>메모리</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>디스크</translation>
        </message>
        <message>
            <source>%1 ≥ %2</source>
            <extracomment>%1: the rule's metric (CPU, Memory, Disk), %2: a percentage ("90 %")</extracomment>
            <translation>%1 ≥ %2</translation>
        </message>
        <message>
            <source>%1 ≥ %2 for %3</source>
            <extracomment>%1: the rule's metric (CPU, Memory, Disk), %2: a percentage ("90 %"), %3: a duration</extracomment>
            <translation>%1 ≥ %2, %3 동안</translation>
        </message>
        <message>
            <source>Pending</source>
            <extracomment>alert state: over the threshold, the window not yet full</extracomment>
            <translation>대기 중</translation>
        </message>
        <message>
            <source>Firing</source>
            <extracomment>alert state: over the threshold for the whole window</extracomment>
            <translation>발생 중</translation>
        </message>
        <message>
            <source>Resolved</source>
            <extracomment>alert state</extracomment>
            <translation>해결됨</translation>
        </message>
        <message>
            <source>Unknown</source>
            <extracomment>alert state: the node stopped pushing, so the alert can be neither firing nor resolved</extracomment>
            <translation>알 수 없음</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>지연</translation>
        </message>
        <message>
            <source>Never reported</source>
            <translation>보고 없음</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>%1 points</source>
            <extracomment>percentage points, the distance below a threshold at which an alert clears</extracomment>
            <translation>%1포인트</translation>
        </message>
    </context>
    <context>
        <name>prego::AlertsView</name>
        <message>
            <source>Select alerts that are not acknowledged yet.</source>
            <translation>아직 확인 처리하지 않은 경보를 선택하세요.</translation>
        </message>
        <message>
            <source>Acknowledge the selected alerts with a comment.</source>
            <translation>선택한 경보를 메모와 함께 확인 처리합니다.</translation>
        </message>
        <message>
            <source>Silence a region. Select alerts to silence their nodes.</source>
            <translation>리전에 사일런스를 설정합니다. 노드에 설정하려면 경보를 선택하세요.</translation>
        </message>
        <message>
            <source>Silence the selected alerts' nodes for a while.</source>
            <translation>선택한 경보의 노드에 일정 시간 사일런스를 설정합니다.</translation>
        </message>
        <message>
            <source>No alerts firing or pending.</source>
            <translation>발생 중이거나 대기 중인 경보가 없습니다.</translation>
        </message>
        <message>
            <source>No alert changed state in the last 7 days.</source>
            <translation>최근 7일 동안 상태가 바뀐 경보가 없습니다.</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>현재</translation>
        </message>
        <message>
            <source>History (7 days)</source>
            <translation>기록 (7일)</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>유지보수</translation>
        </message>
        <message>
            <source>&amp;Acknowledge…</source>
            <translation>확인 처리(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Silence…</source>
            <translation>사일런스(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Rules…</source>
            <translation>규칙(&amp;R)…</translation>
        </message>
        <message>
            <source>Current alerts</source>
            <translation>현재 경보</translation>
        </message>
        <message>
            <source>Alert history</source>
            <translation>경보 기록</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>경보</translation>
        </message>
    </context>
    <context>
        <name>prego::ApiCall</name>
        <message>
            <source>certificate for %1 issued by %2, valid until %3, SHA-256 %4</source>
            <translation>%1의 인증서, 발급자 %2, 만료 %3, SHA-256 %4</translation>
        </message>
        <message>
            <source>the answer is of type %1 instead of application/json</source>
            <translation>응답 형식이 application/json이 아니라 %1입니다</translation>
        </message>
    </context>
    <context>
        <name>prego::ApiClient</name>
        <message>
            <source>The CA certificate file %1 of profile %2 cannot be used.</source>
            <translation>프로필 %2의 CA 인증서 파일 %1을(를) 사용할 수 없습니다.</translation>
        </message>
        <message>
            <source>Profile %1 uses http for a remote host; only https is allowed there.</source>
            <translation>프로필 %1이(가) 원격 호스트에 http를 사용합니다. 원격 호스트에는 https만 허용됩니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::ApiCodec</name>
        <message>
            <source>A node without a valid node_id was ignored.</source>
            <translation>유효한 node_id가 없는 노드 하나를 무시했습니다.</translation>
        </message>
        <message>
            <source>Node %1 has fields of the wrong type; they are shown as empty.</source>
            <translation>노드 %1의 일부 필드 형식이 잘못되어 빈 값으로 표시합니다.</translation>
        </message>
        <message>
            <source>the answer is not valid JSON (%1 at byte %2)</source>
            <translation>응답이 올바른 JSON이 아닙니다(%2바이트 위치: %1)</translation>
        </message>
        <message>
            <source>the answer is not a JSON object</source>
            <translation>응답이 JSON 객체가 아닙니다</translation>
        </message>
        <message>
            <source>server_time is missing or not an RFC 3339 time</source>
            <translation>server_time이 없거나 RFC 3339 시각이 아닙니다</translation>
        </message>
        <message>
            <source>nodes is missing or not a list</source>
            <translation>nodes가 없거나 목록이 아닙니다</translation>
        </message>
        <message>
            <source>An entry of the node list is not an object and was ignored.</source>
            <translation>노드 목록의 항목 하나가 객체가 아니어서 무시했습니다.</translation>
        </message>
        <message>
            <source>the node has no valid node_id</source>
            <translation>노드에 유효한 node_id가 없습니다</translation>
        </message>
        <message>
            <source>token_name, role or server_time is missing</source>
            <translation>token_name, role 또는 server_time이 없습니다</translation>
        </message>
    </context>
    <context>
        <name>prego::ApiError</name>
        <message>
            <source>The token is missing, wrong or revoked.</source>
            <translation>토큰이 없거나 잘못되었거나 폐기되었습니다.</translation>
        </message>
        <message>
            <source>The token is valid but its role does not allow this action.</source>
            <translation>토큰은 유효하지만 그 역할로는 이 작업을 할 수 없습니다.</translation>
        </message>
        <message>
            <source>The control plane does not know this item.</source>
            <translation>제어 플레인에 이 항목이 없습니다.</translation>
        </message>
        <message>
            <source>The control plane rejected some fields of the request.</source>
            <translation>제어 플레인이 요청의 일부 필드를 거부했습니다.</translation>
        </message>
        <message>
            <source>This job id was already used for a different request; nothing was created.</source>
            <translation>이 작업 ID는 이미 다른 요청에 사용되었습니다. 아무것도 생성되지 않았습니다.</translation>
        </message>
        <message>
            <source>The dedicated stack for this tenant already belongs to another tenant.</source>
            <translation>이 테넌트의 전용 스택은 이미 다른 테넌트의 것입니다.</translation>
        </message>
        <message>
            <source>A node with this id is already registered with other attributes.</source>
            <translation>이 ID의 노드가 이미 다른 속성으로 등록되어 있습니다.</translation>
        </message>
        <message>
            <source>Only a failed job can be retried.</source>
            <translation>실패한 작업만 재시도할 수 있습니다.</translation>
        </message>
        <message>
            <source>The control plane could not read the request.</source>
            <translation>제어 플레인이 요청을 읽지 못했습니다.</translation>
        </message>
        <message>
            <source>The request was too large for the control plane.</source>
            <translation>요청이 제어 플레인에 비해 너무 큽니다.</translation>
        </message>
        <message>
            <source>The control plane is limiting how often it is called.</source>
            <translation>제어 플레인이 호출 빈도를 제한하고 있습니다.</translation>
        </message>
        <message>
            <source>The control plane at %1 could not be reached (%2). Check the address and the network; the console keeps trying.</source>
            <translation>%1의 제어 플레인에 연결할 수 없습니다(%2). 주소와 네트워크를 확인하세요. 콘솔은 계속 재시도합니다.</translation>
        </message>
        <message>
            <source>The control plane at %1 did not answer in time. It may be overloaded or the network may be slow; the console keeps trying.</source>
            <translation>%1의 제어 플레인이 제시간에 응답하지 않았습니다. 과부하이거나 네트워크가 느릴 수 있습니다. 콘솔은 계속 재시도합니다.</translation>
        </message>
        <message>
            <source>The secure connection to %1 was refused: %2. If this control plane uses a private certificate authority, add its CA certificate to the profile.</source>
            <translation>%1과(와)의 보안 연결이 거부되었습니다: %2. 이 제어 플레인이 사설 인증 기관을 사용한다면 그 CA 인증서를 프로필에 추가하세요.</translation>
        </message>
        <message>
            <source>The control plane answered with a redirect to %1, which the console does not follow so that the token never leaves %2.</source>
            <translation>제어 플레인이 %1(으)로 리디렉션했지만, 토큰이 %2 밖으로 나가지 않도록 콘솔은 따라가지 않습니다.</translation>
        </message>
        <message>
            <source>The answer from %1 was larger than the allowed size and was stopped.</source>
            <translation>%1의 응답이 허용 크기를 넘어 수신을 중단했습니다.</translation>
        </message>
        <message>
            <source>The answer from %1 was larger than the allowed %2 and was stopped.</source>
            <translation>%1의 응답이 허용 크기 %2를 넘어 수신을 중단했습니다.</translation>
        </message>
        <message>
            <source>The answer from %1 does not follow the control plane contract: %2.</source>
            <translation>%1의 응답이 제어 플레인 규약과 맞지 않습니다: %2.</translation>
        </message>
        <message>
            <source>The request was cancelled.</source>
            <translation>요청이 취소되었습니다.</translation>
        </message>
        <message>
            <source>The control plane refused the token (401). Sign in again with a valid token.</source>
            <translation>제어 플레인이 토큰을 거부했습니다(401). 유효한 토큰으로 다시 로그인하세요.</translation>
        </message>
        <message>
            <source>This token's role may not do this (403). %1</source>
            <translation>이 토큰의 역할로는 이 작업을 할 수 없습니다(403). %1</translation>
        </message>
        <message>
            <source>Not found (404): %1</source>
            <translation>찾을 수 없음(404): %1</translation>
        </message>
        <message numerus="yes">
            <source>The control plane is busy (429); the console waits %n second(s) before trying again.</source>
            <translation>
                <numerusform>제어 플레인이 바쁩니다(429). 콘솔은 %n초 후에 다시 시도합니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>The control plane is busy (429); the console will try again later.</source>
            <translation>제어 플레인이 바쁩니다(429). 콘솔은 잠시 후 다시 시도합니다.</translation>
        </message>
        <message numerus="yes">
            <source>The control plane has a problem (HTTP %1); the console waits %n second(s) before trying again.</source>
            <translation>
                <numerusform>제어 플레인에 문제가 있습니다(HTTP %1). 콘솔은 %n초 후에 다시 시도합니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>The control plane has a problem (HTTP %1); the console keeps trying.</source>
            <translation>제어 플레인에 문제가 있습니다(HTTP %1). 콘솔은 계속 재시도합니다.</translation>
        </message>
        <message>
            <source>%1 (HTTP %2: %3)</source>
            <translation>%1 (HTTP %2: %3)</translation>
        </message>
        <message>
            <source>The control plane answered HTTP %1: %2</source>
            <translation>제어 플레인 응답 HTTP %1: %2</translation>
        </message>
    </context>
    <context>
        <name>prego::ChartAnnotationLayer</name>
        <message>
            <source>since %1</source>
            <extracomment>an annotation still going, e.g. "since 2025-05-04 14:00"</extracomment>
            <translation>%1부터</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <extracomment>a time span, e.g. "5/4/25 14:00 – 16:00"</extracomment>
            <translation>%1 – %2</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <extracomment>an annotation in one line: what, when</extracomment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1 (%2, by %3)</source>
            <extracomment>an annotation in one line: what, when, who</extracomment>
            <translation>%1 (%2, 작성자: %3)</translation>
        </message>
        <message>
            <source>Job %1</source>
            <translation>작업 %1</translation>
        </message>
        <message>
            <source>Requested by %1</source>
            <translation>요청자: %1</translation>
        </message>
        <message>
            <source>Click the marker to open the job.</source>
            <translation>표시를 클릭하면 작업이 열립니다.</translation>
        </message>
        <message>
            <source>Set by %1</source>
            <translation>설정자: %1</translation>
        </message>
        <message>
            <source>From %1 until %2</source>
            <translation>%1부터 %2까지</translation>
        </message>
        <message>
            <source>Since %1</source>
            <translation>%1부터</translation>
        </message>
        <message>
            <source>Fired from %1 until %2</source>
            <translation>%1부터 %2까지 발생</translation>
        </message>
        <message>
            <source>Firing since %1</source>
            <translation>%1부터 발생 중</translation>
        </message>
    </context>
    <context>
        <name>prego::ChartEventList</name>
        <message>
            <source>When</source>
            <translation>시각</translation>
        </message>
        <message>
            <source>What</source>
            <translation>내용</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>작성자</translation>
        </message>
        <message>
            <source>Marked on the charts</source>
            <translation>차트에 표시된 항목</translation>
        </message>
        <message>
            <source>Press Enter on a provisioning job to open it.</source>
            <translation>프로비저닝 작업에서 Enter 키를 누르면 작업이 열립니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::ChartLegend</name>
        <message>
            <source>Hatched: no push for longer than %1</source>
            <translation>빗금: %1 넘게 푸시 없음</translation>
        </message>
        <message>
            <source>Flat band: silenced for maintenance</source>
            <translation>단색 띠: 유지보수 사일런스</translation>
        </message>
        <message>
            <source>Strip along the top: alert firing</source>
            <translation>위쪽 띠: 경보 발생 중</translation>
        </message>
        <message>
            <source>Flag: provisioning job (click to open)</source>
            <translation>깃발: 프로비저닝 작업 (클릭하면 열림)</translation>
        </message>
        <message>
            <source>Chart legend</source>
            <translation>차트 범례</translation>
        </message>
    </context>
    <context>
        <name>prego::ConnectionCheck</name>
        <message>
            <source>Token %1, role %2</source>
            <translation>토큰 %1, 역할 %2</translation>
        </message>
    </context>
    <context>
        <name>prego::ConsoleApp</name>
        <message>
            <source>Enter the token for this profile.</source>
            <translation>이 프로필의 토큰을 입력하세요.</translation>
        </message>
        <message>
            <source>There is no profile named %1.</source>
            <translation>%1(이)라는 프로필이 없습니다.</translation>
        </message>
        <message>
            <source>No keychain is available.</source>
            <translation>사용할 수 있는 키체인이 없습니다.</translation>
        </message>
        <message>
            <source>No token is stored for profile %1.</source>
            <translation>프로필 %1에 저장된 토큰이 없습니다.</translation>
        </message>
        <message>
            <source>Prego Operator Console</source>
            <translation>Prego 운영 콘솔</translation>
        </message>
        <message>
            <source>The control plane did not accept the stored token.</source>
            <translation>제어 플레인이 저장된 토큰을 받아들이지 않았습니다.</translation>
        </message>
        <message>
            <source>The profile was removed, but its token could not be removed from the keychain: %1</source>
            <translation>프로필은 삭제했지만 키체인에서 토큰을 삭제하지 못했습니다: %1</translation>
        </message>
        <message>
            <source>The local history is off: no writable data directory.</source>
            <translation>로컬 기록이 꺼져 있습니다: 쓸 수 있는 데이터 디렉터리가 없습니다.</translation>
        </message>
        <message>
            <source>Node %1 is not in the fleet; showing its stored history.</source>
            <translation>노드 %1은(는) 플릿에 없습니다. 저장된 기록을 표시합니다.</translation>
        </message>
        <message>
            <source>Provisioning is off: %1</source>
            <translation>프로비저닝이 꺼져 있습니다: %1</translation>
        </message>
        <message numerus="yes">
            <source>Checking %n provisioning request(s) that were sent but not answered…</source>
            <translation>
                <numerusform>보냈지만 응답을 받지 못한 프로비저닝 요청 %n개를 확인하는 중…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>prego::ControlPlane</name>
        <message>
            <source>This control plane does not offer maintenance silences.</source>
            <translation>이 제어 플레인은 유지보수 사일런스를 제공하지 않습니다.</translation>
        </message>
        <message>
            <source>This control plane does not offer plans before provisioning.</source>
            <translation>이 제어 플레인은 프로비저닝 전 계획을 제공하지 않습니다.</translation>
        </message>
        <message>
            <source>This control plane does not offer cancelling jobs.</source>
            <translation>이 제어 플레인은 작업 취소를 제공하지 않습니다.</translation>
        </message>
        <message>
            <source>This control plane does not keep earlier attempts of a job.</source>
            <translation>이 제어 플레인은 작업의 이전 시도를 보관하지 않습니다.</translation>
        </message>
        <message>
            <source>This control plane does not offer job logs.</source>
            <translation>이 제어 플레인은 작업 로그를 제공하지 않습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::CtlApp</name>
        <message>
            <source>fresh</source>
            <translation>최신</translation>
        </message>
        <message>
            <source>stale</source>
            <translation>지연</translation>
        </message>
        <message>
            <source>never reported</source>
            <translation>보고 없음</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>알 수 없음</translation>
        </message>
        <message>
            <source>Token (input hidden): </source>
            <translation>토큰(입력 내용은 표시되지 않음): </translation>
        </message>
        <message>
            <source>Unknown command %1; see 'prego-ctl --help'.</source>
            <translation>알 수 없는 명령 %1입니다. 'prego-ctl --help'를 확인하세요.</translation>
        </message>
        <message>
            <source>No profiles yet. Add one with 'prego-ctl profiles add NAME --url URL'.</source>
            <translation>아직 프로필이 없습니다. 'prego-ctl profiles add 이름 --url URL'로 추가하세요.</translation>
        </message>
        <message>
            <source>PROFILE</source>
            <translation>프로필</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>POLL</source>
            <translation>폴링</translation>
        </message>
        <message>
            <source>STALE AFTER</source>
            <translation>지연 기준</translation>
        </message>
        <message>
            <source>CA FILE</source>
            <translation>CA 파일</translation>
        </message>
        <message numerus="yes">
            <source>%n s</source>
            <translation>
                <numerusform>%n초</numerusform>
            </translation>
        </message>
        <message>
            <source>Name the profile to remove: prego-ctl profiles remove NAME.</source>
            <translation>삭제할 프로필을 지정하세요: prego-ctl profiles remove 이름</translation>
        </message>
        <message>
            <source>There is no profile named %1.</source>
            <translation>%1(이)라는 프로필이 없습니다.</translation>
        </message>
        <message>
            <source>prego-ctl: the profile was removed, but its token could not be removed from the keychain: %1</source>
            <translation>prego-ctl: 프로필은 삭제했지만 키체인에서 토큰을 삭제하지 못했습니다: %1</translation>
        </message>
        <message>
            <source>Profile %1 removed.</source>
            <translation>프로필 %1을(를) 삭제했습니다.</translation>
        </message>
        <message>
            <source>Use 'profiles add', 'profiles list' or 'profiles remove'.</source>
            <translation>'profiles add', 'profiles list', 'profiles remove' 중 하나를 사용하세요.</translation>
        </message>
        <message>
            <source>Give exactly one profile name: prego-ctl profiles add NAME --url URL.</source>
            <translation>프로필 이름을 하나만 지정하세요: prego-ctl profiles add 이름 --url URL</translation>
        </message>
        <message>
            <source>Give the control plane's address with --url URL.</source>
            <translation>--url URL 로 제어 플레인 주소를 지정하세요.</translation>
        </message>
        <message>
            <source>--poll-interval wants a whole number of seconds.</source>
            <translation>--poll-interval에는 초 단위 정수를 지정하세요.</translation>
        </message>
        <message>
            <source>--stale-after wants a whole number of seconds.</source>
            <translation>--stale-after에는 초 단위 정수를 지정하세요.</translation>
        </message>
        <message>
            <source>Profile %1 updated.</source>
            <translation>프로필 %1을(를) 수정했습니다.</translation>
        </message>
        <message>
            <source>Profile %1 added.</source>
            <translation>프로필 %1을(를) 추가했습니다.</translation>
        </message>
        <message>
            <source>No token was given on standard input.</source>
            <translation>표준 입력으로 토큰이 주어지지 않았습니다.</translation>
        </message>
        <message>
            <source>That does not look like a bearer token (one line, no spaces).</source>
            <translation>Bearer 토큰 형식이 아닙니다(공백 없는 한 줄이어야 합니다).</translation>
        </message>
        <message>
            <source>Signed in to %1 as %2 (%3); the token is in the keychain.</source>
            <translation>%1에 %2(%3)(으)로 로그인했습니다. 토큰은 키체인에 저장했습니다.</translation>
        </message>
        <message>
            <source>Signed out of %1; the token was removed from the keychain.</source>
            <translation>%1에서 로그아웃했습니다. 토큰을 키체인에서 삭제했습니다.</translation>
        </message>
        <message>
            <source>Token %1, role %2, on %3.</source>
            <translation>토큰 %1, 역할 %2, 제어 플레인 %3</translation>
        </message>
        <message>
            <source>--output is table or json.</source>
            <translation>--output은 table 또는 json입니다.</translation>
        </message>
        <message>
            <source>NODE</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>REGION</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>PLACEMENT</source>
            <translation>배치</translation>
        </message>
        <message>
            <source>STATUS</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>TENANTS</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>CPU %</source>
            <translation>CPU %</translation>
        </message>
        <message>
            <source>MEM %</source>
            <translation>메모리 %</translation>
        </message>
        <message>
            <source>DISK %</source>
            <translation>디스크 %</translation>
        </message>
        <message>
            <source>LAST REPORT</source>
            <translation>마지막 보고</translation>
        </message>
        <message>
            <source>FRESHNESS</source>
            <translation>신선도</translation>
        </message>
        <message numerus="yes">
            <source>%n node(s)</source>
            <translation>
                <numerusform>노드 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stale</source>
            <translation>
                <numerusform>지연 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n never reported</source>
            <translation>
                <numerusform>보고 없음 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>server time %1</source>
            <translation>서버 시각 %1</translation>
        </message>
        <message>
            <source>Usage: prego-ctl [--lang ko|en] COMMAND [OPTIONS]

Commands:
  profiles add NAME --url URL [--poll-interval S] [--stale-after S] [--ca-file F]
  profiles list
  profiles remove NAME
  login --profile NAME      read a token from standard input and keep it in the keychain
  logout --profile NAME     remove the profile's token from the keychain
  whoami --profile NAME     show the token's name and role, and the optional
                            capabilities the control plane offers
  nodes --profile NAME [--output table|json]
                            list nodes with their freshness and age
  history --profile NAME --node ID [--since 24h] [--output table|csv|json]

Exit codes:
  0  success
  1  invalid arguments or input
  2  not authorized: no token, token refused (401) or role not allowed (403)
  3  the control plane could not be reached or answered wrongly
  4  the keychain could not be used
  5  unknown profile or item
</source>
            <translation>사용법: prego-ctl [--lang ko|en] 명령 [옵션]

명령:
  profiles add 이름 --url URL [--poll-interval 초] [--stale-after 초] [--ca-file 파일]
  profiles list
  profiles remove 이름
  login --profile 이름      표준 입력에서 토큰을 읽어 키체인에 저장
  logout --profile 이름     프로필의 토큰을 키체인에서 삭제
  whoami --profile 이름     토큰 이름과 역할, 제어 플레인이 제공하는
                            선택 기능 표시
  nodes --profile 이름 [--output table|json]
                            노드 목록과 신선도, 경과 시간 표시
  history --profile 이름 --node ID [--since 24h] [--output table|csv|json]

종료 코드:
  0  성공
  1  잘못된 인수 또는 입력
  2  권한 없음: 토큰 없음, 토큰 거부(401), 역할로 허용되지 않음(403)
  3  제어 플레인에 연결할 수 없거나 응답이 잘못됨
  4  키체인을 사용할 수 없음
  5  알 수 없는 프로필 또는 항목
</translation>
        </message>
        <message>
            <source>Offers: nothing beyond the Definition of Done</source>
            <translation>제공 기능: 완료 정의(DoD) 외에는 없음</translation>
        </message>
        <message>
            <source>Offers: %1</source>
            <extracomment>%1: the capabilities' names as the contract spells them ("silences, plans"), not translated</extracomment>
            <translation>제공 기능: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::CtlSession</name>
        <message>
            <source>Name a profile with --profile NAME.</source>
            <translation>--profile NAME으로 프로필을 지정하세요.</translation>
        </message>
        <message>
            <source>There is no profile named %1; see 'prego-ctl profiles list'.</source>
            <translation>%1(이)라는 프로필이 없습니다. 'prego-ctl profiles list'를 확인하세요.</translation>
        </message>
        <message>
            <source>No token is stored for profile %1. Run 'prego-ctl login --profile %1' first.</source>
            <translation>프로필 %1에 저장된 토큰이 없습니다. 먼저 'prego-ctl login --profile %1'을 실행하세요.</translation>
        </message>
        <message>
            <source>prego-ctl: job %1 was sent before without an answer; the control plane has it (%2).</source>
            <translation>prego-ctl: 작업 %1은(는) 이전에 보냈으나 응답이 없었습니다. 제어 플레인에 있습니다(%2).</translation>
        </message>
        <message>
            <source>prego-ctl: job %1 never reached the control plane; the stored request was sent again and accepted.</source>
            <translation>prego-ctl: 작업 %1은(는) 제어 플레인에 닿지 않았습니다. 저장된 요청을 다시 보냈고 수락되었습니다.</translation>
        </message>
        <message>
            <source>prego-ctl: job %1 was rejected: %2</source>
            <translation>prego-ctl: 작업 %1이(가) 거부되었습니다: %2</translation>
        </message>
        <message>
            <source>prego-ctl: the outcome of job %1 is still unknown: %2</source>
            <translation>prego-ctl: 작업 %1의 결과를 아직 알 수 없습니다: %2</translation>
        </message>
        <message>
            <source>prego-ctl: no job is waiting for an answer.</source>
            <translation>prego-ctl: 응답을 기다리는 작업이 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::DashboardView</name>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n초</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n분</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n시간</numerusform>
            </translation>
        </message>
        <message>
            <source>nodes</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>bound</source>
            <translation>대상</translation>
        </message>
        <message>
            <source>Shared, active nodes that accept tenants: the nodes the Definition of Done checks. Fresh, stale and never reported count these.</source>
            <translation>테넌트를 받는 활성 공유 노드, 즉 완료 기준(DoD)이 검사하는 노드입니다. 최신, 지연, 보고 없음은 이 노드만 셉니다.</translation>
        </message>
        <message>
            <source>Filter by node, host, region or tenant…</source>
            <translation>노드, 호스트, 리전, 테넌트로 필터…</translation>
        </message>
        <message>
            <source>Node filter</source>
            <translation>노드 필터</translation>
        </message>
        <message>
            <source>All regions</source>
            <translation>모든 리전</translation>
        </message>
        <message>
            <source>Region filter</source>
            <translation>리전 필터</translation>
        </message>
        <message>
            <source>All placements</source>
            <translation>모든 배치</translation>
        </message>
        <message>
            <source>Placement filter</source>
            <translation>배치 필터</translation>
        </message>
        <message>
            <source>Any freshness</source>
            <translation>모든 신선도</translation>
        </message>
        <message>
            <source>Freshness filter</source>
            <translation>신선도 필터</translation>
        </message>
        <message>
            <source>Nodes</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Enter token…</source>
            <translation>토큰 입력…</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n node(s) shown</source>
            <translation>
                <numerusform>노드 %n개 중 %1개 표시</numerusform>
            </translation>
        </message>
        <message>
            <source>The control plane did not accept this profile's token. Enter a valid token to continue. %1</source>
            <translation>제어 플레인이 이 프로필의 토큰을 받아들이지 않았습니다. 계속하려면 유효한 토큰을 입력하세요. %1</translation>
        </message>
        <message>
            <source>This token's role may not list the nodes. Use an operator or viewer token. %1</source>
            <translation>이 토큰의 역할로는 노드 목록을 볼 수 없습니다. operator 또는 viewer 토큰을 사용하세요. %1</translation>
        </message>
        <message>
            <source>Control plane unreachable — data as of %1 (%2). %3</source>
            <translation>제어 플레인에 연결할 수 없음 — %1 기준 데이터(%2). %3</translation>
        </message>
        <message>
            <source>Control plane unreachable — no data yet. %1</source>
            <translation>제어 플레인에 연결할 수 없음 — 아직 데이터가 없습니다. %1</translation>
        </message>
        <message>
            <source>This computer's clock is %1 behind the control plane's. Ages are computed on the control plane's clock.</source>
            <translation>이 컴퓨터의 시계가 제어 플레인보다 %1 늦습니다. 경과 시간은 제어 플레인의 시계로 계산합니다.</translation>
        </message>
        <message>
            <source>This computer's clock is %1 ahead of the control plane's. Ages are computed on the control plane's clock.</source>
            <translation>이 컴퓨터의 시계가 제어 플레인보다 %1 빠릅니다. 경과 시간은 제어 플레인의 시계로 계산합니다.</translation>
        </message>
        <message>
            <source>Showing the data stored as of %1 (%2) until the control plane answers.</source>
            <translation>제어 플레인이 응답할 때까지 %1 기준 저장 데이터(%2)를 표시합니다.</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>No node matches the filters.</source>
            <translation>필터에 맞는 노드가 없습니다.</translation>
        </message>
        <message>
            <source>The control plane lists no nodes yet. A tenant provisioned on a new shared node or on a dedicated stack registers its servers here.</source>
            <translation>제어 플레인에 등록된 노드가 아직 없습니다. 새 공유 노드나 전용 스택에 테넌트를 프로비저닝하면 그 서버가 여기에 등록됩니다.</translation>
        </message>
        <message>
            <source>Open details</source>
            <translation>세부 정보 열기</translation>
        </message>
        <message>
            <source>Silence…</source>
            <translation>사일런스…</translation>
        </message>
    </context>
    <context>
        <name>prego::DemoControlPlane</name>
        <message>
            <source>The demo control plane did not start within 15 seconds.</source>
            <translation>데모 제어 플레인이 15초 안에 시작되지 않았습니다.</translation>
        </message>
        <message>
            <source>The demo control plane could not be started: %1</source>
            <translation>데모 제어 플레인을 시작할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>The demo control plane stopped with exit code %1: %2</source>
            <translation>데모 제어 플레인이 종료 코드 %1(으)로 멈췄습니다: %2</translation>
        </message>
        <message>
            <source>prego-cp-sim was not found next to the console or on PATH; set PREGO_CP_SIM to its path.</source>
            <translation>콘솔 옆이나 PATH에서 prego-cp-sim을 찾지 못했습니다. PREGO_CP_SIM에 경로를 지정하세요.</translation>
        </message>
    </context>
    <context>
        <name>prego::FleetNotifier</name>
        <message>
            <source>No metrics for longer than the stale threshold.</source>
            <translation>지연 기준보다 오래 메트릭이 없습니다.</translation>
        </message>
        <message numerus="yes">
            <source>%n node(s) report again</source>
            <translation>
                <numerusform>노드 %n개가 다시 보고합니다</numerusform>
            </translation>
        </message>
        <message>
            <source>Node %1 reports again</source>
            <translation>노드 %1이(가) 다시 보고합니다</translation>
        </message>
        <message>
            <source>Its metrics are fresh.</source>
            <translation>메트릭이 최신입니다.</translation>
        </message>
        <message>
            <source>Job for %1 completed</source>
            <translation>%1의 작업이 완료되었습니다</translation>
        </message>
        <message>
            <source>Job %1 finished without errors.</source>
            <translation>작업 %1이(가) 오류 없이 끝났습니다.</translation>
        </message>
        <message>
            <source>Job for %1 failed</source>
            <translation>%1의 작업이 실패했습니다</translation>
        </message>
        <message>
            <source>Stage %1 failed: %2</source>
            <translation>단계 %1 실패: %2</translation>
        </message>
        <message>
            <source>Job %1 failed.</source>
            <translation>작업 %1이(가) 실패했습니다.</translation>
        </message>
        <message>
            <source>Prego: no data yet</source>
            <translation>Prego: 아직 데이터 없음</translation>
        </message>
        <message>
            <source>Prego: every bound node is fresh</source>
            <translation>Prego: 모든 대상 노드가 최신</translation>
        </message>
        <message numerus="yes">
            <source>Prego: %n bound node(s) not fresh</source>
            <translation>
                <numerusform>Prego: 최신이 아닌 대상 노드 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Prego: control plane unreachable</source>
            <translation>Prego: 제어 플레인에 연결할 수 없음</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>a notification's title: node, then what fired: "fsn1-shared-07: disk ≥ 85 %"</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>At %1 %, over the threshold for the whole window.</source>
            <translation>%1 %로 기간 내내 임계값을 넘었습니다.</translation>
        </message>
        <message>
            <source>Over the threshold for the whole window.</source>
            <translation>기간 내내 임계값을 넘었습니다.</translation>
        </message>
        <message>
            <source>It has never pushed any metrics.</source>
            <translation>이 노드는 메트릭을 푸시한 적이 없습니다.</translation>
        </message>
        <message>
            <source>%1: %2 back to normal</source>
            <extracomment>a notification's title: node, then the rule: "fsn1-shared-07: disk back to normal"</extracomment>
            <translation>%1: %2 정상으로 돌아옴</translation>
        </message>
        <message>
            <source>Below %1 % for the whole window.</source>
            <translation>기간 내내 %1 % 미만이었습니다.</translation>
        </message>
        <message numerus="yes">
            <source>%n node(s) never reported</source>
            <translation>
                <numerusform>보고 없는 노드 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n node(s) stale</source>
            <translation>
                <numerusform>지연된 노드 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 on %n node(s)</source>
            <extracomment>e.g. "CPU ≥ 90 % on 2 nodes"</extracomment>
            <translation>
                <numerusform>노드 %n개에서 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 over its threshold on %n node(s)</source>
            <extracomment>e.g. "CPU over its threshold on 2 nodes"</extracomment>
            <translation>
                <numerusform>노드 %n개에서 %1 임계값 초과</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 back to normal on %n node(s)</source>
            <extracomment>e.g. "CPU back to normal on 2 nodes"</extracomment>
            <translation>
                <numerusform>노드 %n개에서 %1 정상으로 돌아옴</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2 %)</source>
            <translation>%1 (%2 %)</translation>
        </message>
        <message numerus="yes">
            <source>%1 and %n more</source>
            <extracomment>the end of a notification's list of nodes: "a, b, c and 4 more"</extracomment>
            <translation>
                <numerusform>%1 외 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Prego: every bound node is fresh or silenced</source>
            <translation>Prego: 모든 대상 노드가 최신이거나 사일런스 중</translation>
        </message>
        <message numerus="yes">
            <source>Prego: %n alert(s) firing</source>
            <translation>
                <numerusform>Prego: 경보 %n개 발생 중</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Prego: %n alert(s) pending or unknown</source>
            <translation>
                <numerusform>Prego: 경보 %n개 대기 중 또는 알 수 없음</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>prego::FleetTrayIcon</name>
        <message>
            <source>Show the console</source>
            <translation>콘솔 보기</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>종료</translation>
        </message>
    </context>
    <context>
        <name>prego::HeatmapGrid</name>
        <message>
            <source>pushed on time</source>
            <translation>제때 푸시</translation>
        </message>
        <message>
            <source>pushed late</source>
            <translation>늦은 푸시</translation>
        </message>
        <message>
            <source>no push</source>
            <translation>푸시 없음</translation>
        </message>
        <message>
            <source>slot in progress</source>
            <translation>진행 중인 구간</translation>
        </message>
        <message>
            <source>no history yet</source>
            <translation>아직 기록 없음</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n slot(s) without a push in 24 h</source>
            <translation>
                <numerusform>%1: 24시간 중 푸시 없는 구간 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n late push(es)</source>
            <translation>
                <numerusform>늦은 푸시 %n회</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · %2 – %3: %4</source>
            <extracomment>heatmap tooltip: node, slot start – end, state; e.g. "node-7 · 14:05 – 14:10: no push"</extracomment>
            <translation>%1 · %2 – %3: %4</translation>
        </message>
    </context>
    <context>
        <name>prego::HeatmapView</name>
        <message>
            <source>Pushes of every node over the last 24 hours, one column per 5 minutes, the nodes with the most missed slots first. Hover a cell for its time; click a row to open the node.</source>
            <translation>지난 24시간 동안 모든 노드의 푸시입니다. 한 열이 5분이며, 빠진 구간이 가장 많은 노드가 위에 옵니다. 칸에 마우스를 올리면 시각이 보이고, 행을 클릭하면 노드가 열립니다.</translation>
        </message>
        <message>
            <source>Fleet freshness heatmap</source>
            <translation>플릿 신선도 히트맵</translation>
        </message>
        <message>
            <source>Reading the local history…</source>
            <translation>로컬 기록을 읽는 중…</translation>
        </message>
        <message>
            <source>No history yet: the heatmap fills as the console sees pushes.</source>
            <translation>아직 기록이 없습니다. 콘솔이 푸시를 볼 때마다 히트맵이 채워집니다.</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <extracomment>e.g. "40 nodes · 3 missed at least one slot"</extracomment>
            <translation>%1 · %2</translation>
        </message>
        <message numerus="yes">
            <source>%n node(s)</source>
            <translation>
                <numerusform>노드 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missed at least one slot</source>
            <translation>
                <numerusform>%n개는 구간을 하나 이상 놓침</numerusform>
            </translation>
        </message>
        <message>
            <source>silenced</source>
            <extracomment>heatmap legend: hatched slots were under a maintenance silence</extracomment>
            <translation>사일런스</translation>
        </message>
    </context>
    <context>
        <name>prego::HistoryChartView</name>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>메모리</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>디스크</translation>
        </message>
        <message>
            <source>Tenants</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>%1 %</source>
            <extracomment>a percentage value, e.g. "43.2 %"</extracomment>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>No pushes for %1 (%2 – %3)</source>
            <translation>%1 동안 푸시 없음 (%2 – %3)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>No samples in this range</source>
            <translation>이 범위에 샘플이 없습니다</translation>
        </message>
        <message>
            <source>%1%</source>
            <extracomment>a value axis label, e.g. "25%"</extracomment>
            <translation>%1%</translation>
        </message>
        <message>
            <source>Marked on this chart: %1</source>
            <translation>이 차트에 표시된 항목: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::HistoryCommand</name>
        <message>
            <source>--output is table, csv or json.</source>
            <translation>--output은 table, csv, json 중 하나입니다.</translation>
        </message>
        <message>
            <source>--since wants a duration such as 90m, 24h or 7d.</source>
            <translation>--since에는 90m, 24h, 7d 같은 기간을 지정하세요.</translation>
        </message>
        <message>
            <source>Name a node with --node ID.</source>
            <translation>--node ID로 노드를 지정하세요.</translation>
        </message>
        <message>
            <source>Name a profile with --profile NAME.</source>
            <translation>--profile NAME으로 프로필을 지정하세요.</translation>
        </message>
        <message>
            <source>There is no profile named %1; see 'prego-ctl profiles list'.</source>
            <translation>%1(이)라는 프로필이 없습니다. 'prego-ctl profiles list'를 확인하세요.</translation>
        </message>
        <message>
            <source>No history has been recorded for profile %1 yet: the console records it while it is connected (expected at %2).</source>
            <translation>프로필 %1의 기록이 아직 없습니다. 콘솔이 연결되어 있는 동안 기록합니다(예상 위치: %2).</translation>
        </message>
        <message>
            <source>No samples are stored for node %1 in profile %2.</source>
            <translation>프로필 %2에 노드 %1의 샘플이 저장되어 있지 않습니다.</translation>
        </message>
        <message>
            <source>No samples for node %1 since %2.</source>
            <translation>%2 이후 노드 %1의 샘플이 없습니다.</translation>
        </message>
        <message>
            <source>UPDATED AT</source>
            <translation>갱신 시각</translation>
        </message>
        <message>
            <source>CPU %</source>
            <translation>CPU %</translation>
        </message>
        <message>
            <source>MEM %</source>
            <translation>메모리 %</translation>
        </message>
        <message>
            <source>DISK %</source>
            <translation>디스크 %</translation>
        </message>
        <message>
            <source>TENANTS</source>
            <translation>테넌트</translation>
        </message>
        <message numerus="yes">
            <source>%n sample(s) for node %1 since %2.</source>
            <translation>
                <numerusform>%2 이후 노드 %1의 샘플 %n개.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>prego::HistoryFeed</name>
        <message>
            <source>No local history for this profile.</source>
            <translation>이 프로필의 로컬 기록이 없습니다.</translation>
        </message>
        <message>
            <source>Local history: %1</source>
            <translation>로컬 기록: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::HistoryStore</name>
        <message>
            <source>The history database %1 is damaged.</source>
            <translation>기록 데이터베이스 %1이(가) 손상되었습니다.</translation>
        </message>
        <message>
            <source>The history database %1 is damaged and could not be moved aside.</source>
            <translation>기록 데이터베이스 %1이(가) 손상되었고 다른 곳으로 옮길 수 없었습니다.</translation>
        </message>
        <message>
            <source>The history database was damaged. It was moved to %1 and a new one was started; older charts are empty.</source>
            <translation>기록 데이터베이스가 손상되어 %1(으)로 옮기고 새로 시작했습니다. 이전 차트는 비어 있습니다.</translation>
        </message>
        <message>
            <source>The history database %1 could not be opened: %2</source>
            <translation>기록 데이터베이스 %1을(를) 열 수 없습니다: %2</translation>
        </message>
        <message>
            <source>the schema version could not be read</source>
            <translation>스키마 버전을 읽을 수 없습니다</translation>
        </message>
        <message>
            <source>The history database %1 was written by a newer version of the console (schema %2; this one knows %3).</source>
            <translation>기록 데이터베이스 %1은(는) 더 새로운 버전의 콘솔이 기록했습니다(스키마 %2, 이 버전은 %3까지 지원).</translation>
        </message>
        <message>
            <source>The history database is not open.</source>
            <translation>기록 데이터베이스가 열려 있지 않습니다.</translation>
        </message>
        <message>
            <source>Samples could not be stored in the history database: %1</source>
            <translation>샘플을 기록 데이터베이스에 저장할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>The history holds more nodes than it can address.</source>
            <translation>기록에 담을 수 있는 노드 수를 넘었습니다.</translation>
        </message>
        <message>
            <source>The history of %1 for the hour from %2 (UTC) is damaged and was left out.</source>
            <translation>%2(UTC)부터 한 시간 동안의 %1 기록이 손상되어 제외했습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::HistoryWriter</name>
        <message>
            <source>The history could not be rolled up or pruned: %1</source>
            <translation>기록을 집계하거나 정리할 수 없습니다: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::JobCodec</name>
        <message>
            <source>a job has no job_id or no status</source>
            <translation>작업에 job_id 또는 status가 없습니다</translation>
        </message>
        <message>
            <source>server_time is missing or not an RFC 3339 time</source>
            <translation>server_time이 없거나 RFC 3339 시각이 아닙니다</translation>
        </message>
        <message>
            <source>jobs is missing or not a list</source>
            <translation>jobs가 없거나 목록이 아닙니다</translation>
        </message>
        <message>
            <source>An entry of the job list without job_id or status was ignored.</source>
            <translation>job_id 또는 status가 없는 작업 목록 항목을 무시했습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::JobList</name>
        <message>
            <source>%1 (%2)</source>
            <extracomment>A local job's state, then the last error in parentheses.</extracomment>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>prego::JobListModel</name>
        <message>
            <source>existing shared node</source>
            <translation>기존 공유 노드</translation>
        </message>
        <message>
            <source>new shared node</source>
            <translation>새 공유 노드</translation>
        </message>
        <message>
            <source>dedicated stack</source>
            <translation>전용 스택</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>작업</translation>
        </message>
        <message>
            <source>Tenant</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>경로</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>생성</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>소요 시간</translation>
        </message>
        <message>
            <source>Failed in stage %1 (%2): %3</source>
            <translation>단계 %1에서 실패 (%2): %3</translation>
        </message>
    </context>
    <context>
        <name>prego::JobListView</name>
        <message numerus="yes">
            <source>%1 of %n job(s) shown</source>
            <translation>
                <numerusform>작업 %n개 중 %1개 표시</numerusform>
            </translation>
        </message>
        <message>
            <source>Filter by job id, tenant, stack or node…</source>
            <translation>작업 ID, 테넌트, 스택, 노드로 필터…</translation>
        </message>
        <message>
            <source>Job filter</source>
            <translation>작업 필터</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>모든 상태</translation>
        </message>
        <message>
            <source>Active (queued, running, not confirmed)</source>
            <translation>진행 중 (대기, 실행, 미확인)</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>상태 필터</translation>
        </message>
        <message>
            <source>All paths</source>
            <translation>모든 경로</translation>
        </message>
        <message>
            <source>Path filter</source>
            <translation>경로 필터</translation>
        </message>
        <message>
            <source>&amp;New provisioning…</source>
            <translation>새 프로비저닝(&amp;N)…</translation>
        </message>
        <message>
            <source>Provisioning jobs</source>
            <translation>프로비저닝 작업</translation>
        </message>
        <message>
            <source>No job matches the filters.</source>
            <translation>필터에 맞는 작업이 없습니다.</translation>
        </message>
        <message>
            <source>No provisioning jobs yet. “New provisioning…” starts one.</source>
            <translation>아직 프로비저닝 작업이 없습니다. “새 프로비저닝…”으로 시작하세요.</translation>
        </message>
    </context>
    <context>
        <name>prego::JobOutbox</name>
        <message>
            <source>The folder %1 for the local jobs database cannot be created.</source>
            <translation>로컬 작업 데이터베이스 폴더 %1을(를) 만들 수 없습니다.</translation>
        </message>
        <message>
            <source>The local jobs database %1 cannot be opened: %2</source>
            <translation>로컬 작업 데이터베이스 %1을(를) 열 수 없습니다: %2</translation>
        </message>
        <message>
            <source>The local jobs database %1 cannot be used: %2</source>
            <translation>로컬 작업 데이터베이스 %1을(를) 사용할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>The local jobs database %1 was written by a newer version (schema %2); this version understands schema %3.</source>
            <translation>로컬 작업 데이터베이스 %1은(는) 더 새로운 버전이 기록했습니다(스키마 %2). 이 버전은 스키마 %3까지 이해합니다.</translation>
        </message>
        <message>
            <source>The local jobs database %1 cannot be set up: %2</source>
            <translation>로컬 작업 데이터베이스 %1을(를) 준비할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>The local jobs database is not open.</source>
            <translation>로컬 작업 데이터베이스가 열려 있지 않습니다.</translation>
        </message>
        <message>
            <source>The job could not be written to the local jobs database, so it was not sent: %1</source>
            <translation>작업을 로컬 작업 데이터베이스에 기록할 수 없어 보내지 않았습니다: %1</translation>
        </message>
        <message>
            <source>The job could not be read back from the local jobs database, so it was not sent: %1</source>
            <translation>로컬 작업 데이터베이스에서 작업을 다시 읽을 수 없어 보내지 않았습니다: %1</translation>
        </message>
        <message>
            <source>Job id %1 was already used for a different request; make a new job id for a new request.</source>
            <translation>작업 ID %1은(는) 이미 다른 요청에 사용되었습니다. 새 요청에는 새 작업 ID를 만드세요.</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>아직 보내지 않음</translation>
        </message>
        <message>
            <source>sent, waiting for the answer</source>
            <translation>보냄, 응답 대기 중</translation>
        </message>
        <message>
            <source>accepted by the control plane</source>
            <translation>제어 플레인이 수락함</translation>
        </message>
        <message>
            <source>rejected by the control plane</source>
            <translation>제어 플레인이 거부함</translation>
        </message>
        <message>
            <source>unknown — retrying with the same job id</source>
            <translation>알 수 없음 — 같은 작업 ID로 다시 시도 중</translation>
        </message>
    </context>
    <context>
        <name>prego::JobQueryCommands</name>
        <message>
            <source>--output is table or json.</source>
            <translation>--output은 table 또는 json입니다.</translation>
        </message>
        <message>
            <source>--status is one of %1.</source>
            <translation>--status는 %1 중 하나입니다.</translation>
        </message>
        <message>
            <source>--limit wants a whole number from 1 to 200.</source>
            <translation>--limit에는 1부터 200 사이의 정수를 지정하세요.</translation>
        </message>
        <message>
            <source>JOB</source>
            <translation>작업</translation>
        </message>
        <message>
            <source>TENANT</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>PATH</source>
            <translation>경로</translation>
        </message>
        <message>
            <source>STATUS</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>STACK</source>
            <translation>스택</translation>
        </message>
        <message>
            <source>CREATED</source>
            <translation>생성</translation>
        </message>
        <message>
            <source>DURATION</source>
            <translation>소요 시간</translation>
        </message>
        <message>
            <source>STAGE</source>
            <translation>단계</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>작업 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Give exactly one job id: prego-ctl job ID --profile NAME.</source>
            <translation>작업 ID를 하나만 지정하세요: prego-ctl job ID --profile NAME.</translation>
        </message>
        <message>
            <source>--output is text or json.</source>
            <translation>--output은 text 또는 json입니다.</translation>
        </message>
        <message>
            <source>The control plane does not know job %1; locally it is %2.</source>
            <translation>제어 플레인은 작업 %1을(를) 모릅니다. 로컬 상태: %2.</translation>
        </message>
    </context>
    <context>
        <name>prego::JobText</name>
        <message>
            <source>%1 s</source>
            <translation>%1초</translation>
        </message>
        <message>
            <source>skipped: %1</source>
            <translation>건너뜀: %1</translation>
        </message>
        <message>
            <source>Job %1: %2</source>
            <translation>작업 %1: %2</translation>
        </message>
        <message>
            <source>Tenant %1, path %2, stack %3, target %4</source>
            <translation>테넌트 %1, 경로 %2, 스택 %3, 대상 %4</translation>
        </message>
        <message>
            <source>Created %1, finished %2</source>
            <translation>생성 %1, 종료 %2</translation>
        </message>
        <message>
            <source>Error in stage %1 (%2): %3</source>
            <translation>단계 %1 오류 (%2): %3</translation>
        </message>
        <message>
            <source>Trace %1</source>
            <translation>추적 %1</translation>
        </message>
        <message>
            <source>This job has no trace: it was submitted without a trace_id.</source>
            <translation>이 작업에는 추적이 없습니다: trace_id 없이 제출되었습니다.</translation>
        </message>
        <message>
            <source>Server %1: node %2, %3, %4</source>
            <translation>서버 %1: 노드 %2, %3, %4</translation>
        </message>
        <message>
            <source>Audit:</source>
            <translation>감사 기록:</translation>
        </message>
        <message>
            <source>Tenant %1, path %2, stack %3</source>
            <translation>테넌트 %1, 경로 %2, 스택 %3</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>대기 중</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>실행 중</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>완료</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>실패</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>대기</translation>
        </message>
        <message>
            <source>running</source>
            <translation>실행 중</translation>
        </message>
        <message>
            <source>succeeded</source>
            <translation>성공</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>실패</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>건너뜀</translation>
        </message>
        <message>
            <source>The control plane checked the request and refused it.</source>
            <translation>제어 플레인이 요청을 검사하고 거부했습니다.</translation>
        </message>
        <message>
            <source>The target node could not be found or does not take tenants.</source>
            <translation>대상 노드를 찾을 수 없거나 테넌트를 받지 않습니다.</translation>
        </message>
        <message>
            <source>Pulumi could not create or update the servers of the stack.</source>
            <translation>Pulumi가 스택의 서버를 만들거나 갱신하지 못했습니다.</translation>
        </message>
        <message>
            <source>The new server could not be registered as a node.</source>
            <translation>새 서버를 노드로 등록하지 못했습니다.</translation>
        </message>
        <message>
            <source>The tenant's DNS records could not be set.</source>
            <translation>테넌트의 DNS 레코드를 설정하지 못했습니다.</translation>
        </message>
        <message>
            <source>Configuring the servers with Ansible failed.</source>
            <translation>Ansible로 서버를 구성하지 못했습니다.</translation>
        </message>
        <message>
            <source>The tenant's callbacks could not be delivered.</source>
            <translation>테넌트 콜백을 전달하지 못했습니다.</translation>
        </message>
        <message>
            <source>A stage of the job failed.</source>
            <translation>작업의 한 단계가 실패했습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::JobWindow</name>
        <message>
            <source>The control plane does not know job %1 (yet).</source>
            <translation>제어 플레인이 작업 %1을(를) (아직) 알지 못합니다.</translation>
        </message>
        <message>
            <source>Retry failed: %1</source>
            <translation>다시 시도하지 못했습니다: %1</translation>
        </message>
        <message>
            <source>There is nothing to export yet.</source>
            <translation>아직 내보낼 것이 없습니다.</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>%1에 쓸 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Export job as JSON</source>
            <translation>작업을 JSON으로 내보내기</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON 파일 (*.json)</translation>
        </message>
        <message>
            <source>skipped: %1</source>
            <translation>건너뜀: %1</translation>
        </message>
        <message>
            <source>Double-click to open this node.</source>
            <translation>두 번 클릭하면 이 노드가 열립니다.</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>다시 시도(&amp;R)</translation>
        </message>
        <message>
            <source>Resume the job at the failed stage, under the same job id. Nothing that was already created is created again.</source>
            <translation>같은 작업 ID로 실패한 단계부터 작업을 재개합니다. 이미 만든 것은 다시 만들지 않습니다.</translation>
        </message>
        <message>
            <source>Copy trace id</source>
            <translation>추적 ID 복사</translation>
        </message>
        <message>
            <source>&amp;Copy as text</source>
            <translation>텍스트로 복사(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Export JSON…</source>
            <translation>JSON 내보내기(&amp;E)…</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>서버</translation>
        </message>
        <message>
            <source>Audit</source>
            <translation>감사 기록</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>요청</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>소요 시간</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>세부 정보</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>역할</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Hostname</source>
            <translation>호스트 이름</translation>
        </message>
        <message>
            <source>IPv4</source>
            <translation>IPv4</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>시각</translation>
        </message>
        <message>
            <source>Actor</source>
            <translation>수행자</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>동작</translation>
        </message>
        <message>
            <source>Trace timeline</source>
            <translation>추적 타임라인</translation>
        </message>
        <message>
            <source>Job %1 — Prego Operator Console</source>
            <translation>작업 %1 — Prego 운영 콘솔</translation>
        </message>
        <message>
            <source>Job %1</source>
            <translation>작업 %1</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>불러오는 중…</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <extracomment>job title: tenant and status, e.g. "acme-corp — Running"</extracomment>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>Job %1 · %2 · stack %3 · target %4 · created %5 · finished %6</source>
            <translation>작업 %1 · %2 · 스택 %3 · 대상 %4 · 생성 %5 · 종료 %6</translation>
        </message>
        <message>
            <source>%1 (last refresh failed: %2)</source>
            <translation>%1 (마지막 새로 고침 실패: %2)</translation>
        </message>
        <message>
            <source>The job failed.</source>
            <translation>작업이 실패했습니다.</translation>
        </message>
        <message>
            <source>Trace %1</source>
            <translation>추적 %1</translation>
        </message>
        <message>
            <source>This job has no trace: it was submitted without a trace id.</source>
            <translation>이 작업에는 추적이 없습니다: 추적 ID 없이 제출되었습니다.</translation>
        </message>
        <message>
            <source>Failed in stage %1 (%2). %3</source>
            <translation>단계 %1에서 실패 (%2). %3</translation>
        </message>
        <message>
            <source>The control plane says: %1</source>
            <translation>제어 플레인 메시지: %1</translation>
        </message>
        <message>
            <source>Job %1 · %2 · stack %3 · created %4 · finished %5</source>
            <translation>작업 %1 · %2 · 스택 %3 · 생성 %4 · 종료 %5</translation>
        </message>
    </context>
    <context>
        <name>prego::JobsPoller</name>
        <message>
            <source>The jobs could not be listed: %1</source>
            <translation>작업 목록을 가져올 수 없습니다: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::MainActions</name>
        <message>
            <source>No saved profiles</source>
            <translation>저장된 프로필 없음</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Profiles…</source>
            <translation>프로필(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Switch profile</source>
            <translation>프로필 전환(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Remove this profile…</source>
            <translation>이 프로필 삭제(&amp;R)…</translation>
        </message>
        <message>
            <source>Enter &amp;token…</source>
            <translation>토큰 입력(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>대시보드(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Heatmap</source>
            <translation>히트맵(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Jobs</source>
            <translation>작업(&amp;J)</translation>
        </message>
        <message>
            <source>&amp;Verification</source>
            <translation>검증(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;New provisioning…</source>
            <translation>새 프로비저닝(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>새로 고침(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Filter nodes</source>
            <translation>노드 필터(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>설정(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Prego Operator Console</source>
            <translation>Prego 운영 콘솔 정보(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Qt 정보(&amp;Q)</translation>
        </message>
        <message>
            <source>Open &amp;log folder</source>
            <translation>로그 폴더 열기(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;System language</source>
            <extracomment>View → Language: follow the system's language</extracomment>
            <translation>시스템 언어(&amp;S)</translation>
        </message>
        <message>
            <source>About Prego Operator Console</source>
            <translation>Prego 운영 콘솔 정보</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Prego Operator Console %1&lt;/h3&gt;&lt;p&gt;Watches the fleet of the Prego control plane and provisions tenants.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3), QtKeychain and SQLite.&lt;/p&gt;&lt;p&gt;Qt is used under the GNU LGPL version 3; QtKeychain under the BSD licence; SQLite is in the public domain.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Prego 운영 콘솔 %1&lt;/h3&gt;&lt;p&gt;Prego 제어 플레인의 플릿을 지켜보고 테넌트를 프로비저닝합니다.&lt;/p&gt;&lt;p&gt;Qt %2(실행 중인 Qt %3), QtKeychain, SQLite로 만들었습니다.&lt;/p&gt;&lt;p&gt;Qt는 GNU LGPL 버전 3, QtKeychain은 BSD 라이선스로 사용하며, SQLite는 퍼블릭 도메인입니다.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation>경보(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>prego::MainWindow</name>
        <message>
            <source>Last refresh: %1</source>
            <translation>마지막 새로 고침: %1</translation>
        </message>
        <message>
            <source>Not refreshed yet</source>
            <translation>아직 새로 고치지 않음</translation>
        </message>
        <message>
            <source>No control plane</source>
            <translation>제어 플레인 없음</translation>
        </message>
        <message>
            <source>Profile %1 — %2</source>
            <translation>프로필 %1 — %2</translation>
        </message>
        <message>
            <source>Prego Operator Console</source>
            <translation>Prego 운영 콘솔</translation>
        </message>
        <message>
            <source>Prego Operator Console — %1</source>
            <translation>Prego 운영 콘솔 — %1</translation>
        </message>
    </context>
    <context>
        <name>prego::NodeAnnotations</name>
        <message>
            <source>%1 %</source>
            <extracomment>a percentage in an alert's title, e.g. "93.5 %"</extracomment>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>Tenant %1 placed</source>
            <translation>테넌트 %1 배치됨</translation>
        </message>
        <message>
            <source>Placing tenant %1 failed</source>
            <translation>테넌트 %1 배치 실패</translation>
        </message>
        <message>
            <source>Placing tenant %1…</source>
            <translation>테넌트 %1 배치 중…</translation>
        </message>
        <message>
            <source>Node created for tenant %1</source>
            <translation>테넌트 %1용 노드 생성됨</translation>
        </message>
        <message>
            <source>Dedicated %1 server created for tenant %2</source>
            <extracomment>%1 is the server's role as the control plane names it (app, db, redis)</extracomment>
            <translation>테넌트 %2용 전용 %1 서버 생성됨</translation>
        </message>
        <message>
            <source>%1 (job: %2)</source>
            <extracomment>%1 what the job did to the node, %2 the job's status (Running, Failed…)</extracomment>
            <translation>%1 (작업: %2)</translation>
        </message>
        <message>
            <source>Alert firing: never reported</source>
            <translation>경보 발생: 보고 없음</translation>
        </message>
        <message>
            <source>Alert firing: node stale</source>
            <translation>경보 발생: 노드 지연</translation>
        </message>
        <message>
            <source>CPU alert firing at %1</source>
            <translation>CPU 경보 발생 (%1)</translation>
        </message>
        <message>
            <source>CPU alert firing</source>
            <translation>CPU 경보 발생</translation>
        </message>
        <message>
            <source>Memory alert firing at %1</source>
            <translation>메모리 경보 발생 (%1)</translation>
        </message>
        <message>
            <source>Memory alert firing</source>
            <translation>메모리 경보 발생</translation>
        </message>
        <message>
            <source>Disk alert firing at %1</source>
            <translation>디스크 경보 발생 (%1)</translation>
        </message>
        <message>
            <source>Disk alert firing</source>
            <translation>디스크 경보 발생</translation>
        </message>
        <message>
            <source>Silenced: %1</source>
            <extracomment>%1 is the reason the operator gave for the maintenance silence</extracomment>
            <translation>사일런스: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::NodeDetailView</name>
        <message>
            <source>1 h</source>
            <extracomment>chart range: one hour</extracomment>
            <translation>1시간</translation>
        </message>
        <message>
            <source>6 h</source>
            <extracomment>chart range: six hours</extracomment>
            <translation>6시간</translation>
        </message>
        <message>
            <source>24 h</source>
            <extracomment>chart range: 24 hours</extracomment>
            <translation>24시간</translation>
        </message>
        <message>
            <source>7 d</source>
            <extracomment>chart range: seven days</extracomment>
            <translation>7일</translation>
        </message>
        <message>
            <source>30 d</source>
            <extracomment>chart range: thirty days</extracomment>
            <translation>30일</translation>
        </message>
        <message>
            <source>Hostname</source>
            <translation>호스트 이름</translation>
        </message>
        <message>
            <source>IPv4 address</source>
            <translation>IPv4 주소</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>Placement</source>
            <translation>배치</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Tenant / stack</source>
            <translation>테넌트 / 스택</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>생성</translation>
        </message>
        <message>
            <source>Last report</source>
            <translation>마지막 보고</translation>
        </message>
        <message>
            <source>Freshness</source>
            <translation>신선도</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>메모리</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>디스크</translation>
        </message>
        <message>
            <source>Tenants</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>Reading the local history…</source>
            <translation>로컬 기록을 읽는 중…</translation>
        </message>
        <message>
            <source>No node selected</source>
            <translation>선택한 노드가 없습니다</translation>
        </message>
        <message>
            <source>Node %1 — Prego Operator Console</source>
            <translation>노드 %1 — Prego 운영 콘솔</translation>
        </message>
        <message>
            <source>%1 (no longer in the fleet; its history is still shown)</source>
            <translation>%1 (더 이상 플릿에 없음, 기록은 계속 표시)</translation>
        </message>
        <message>
            <source>accepts tenants</source>
            <translation>테넌트 받음</translation>
        </message>
        <message>
            <source>accepts no tenants</source>
            <translation>테넌트 받지 않음</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <extracomment>node status and whether it accepts tenants, e.g. "active, accepts tenants"</extracomment>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1:</translation>
        </message>
        <message>
            <source>No local history for this profile.</source>
            <translation>이 프로필의 로컬 기록이 없습니다.</translation>
        </message>
        <message>
            <source>No history for this node in this range yet: the console stores what it sees while it runs.</source>
            <translation>이 범위에는 아직 이 노드의 기록이 없습니다. 콘솔은 실행 중에 본 것만 저장합니다.</translation>
        </message>
        <message>
            <source>From 5-minute roll-ups: each slot's lowest and highest value. Shaded: no push for longer than %1.</source>
            <translation>5분 집계 기준: 구간마다 최저값과 최고값. 빗금: %1 넘게 푸시 없음.</translation>
        </message>
        <message numerus="yes">
            <source>%n push(es) in this range. Shaded: no push for longer than %1.</source>
            <translation>
                <numerusform>이 범위의 푸시 %n회. 빗금: %1 넘게 푸시 없음.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>prego::NodeMarks</name>
        <message>
            <source>Silenced</source>
            <extracomment>a mark beside a node under a maintenance silence</extracomment>
            <translation>사일런스 중</translation>
        </message>
        <message>
            <source>Firing</source>
            <extracomment>a mark beside a node with an alert over its threshold for the whole window</extracomment>
            <translation>경보 발생</translation>
        </message>
        <message>
            <source>Pending</source>
            <extracomment>a mark beside a node with an alert over its threshold, the window not yet full</extracomment>
            <translation>경보 대기</translation>
        </message>
        <message>
            <source>Alert unknown</source>
            <extracomment>a mark beside a node whose alert cannot be told: it stopped pushing</extracomment>
            <translation>경보 알 수 없음</translation>
        </message>
        <message>
            <source>%1 %2 (%3) since %4</source>
            <extracomment>e.g. "freshness firing (stale) since 14/03/2026 16:00 CET"</extracomment>
            <translation>%1 %2 (%3), %4부터</translation>
        </message>
        <message>
            <source>%1 %2 at %3 % since %4</source>
            <extracomment>e.g. "CPU firing at 93.2 % since 14/03/2026 16:00 CET"</extracomment>
            <translation>%1 %2: %3 %, %4부터</translation>
        </message>
        <message>
            <source>%1 %2 since %3</source>
            <extracomment>e.g. "disk unknown since 14/03/2026 16:00 CET"</extracomment>
            <translation>%1 %2, %3부터</translation>
        </message>
        <message>
            <source>%1, acknowledged by %2</source>
            <extracomment>%1: an alert line, %2: who acknowledged it</extracomment>
            <translation>%1, %2이(가) 확인함</translation>
        </message>
    </context>
    <context>
        <name>prego::NodeTableModel</name>
        <message>
            <source>%1 %</source>
            <extracomment>Shown in a cell when the node did not report this value</extracomment>
            <translation>%1%</translation>
        </message>
        <message>
            <source>–</source>
            <translation>–</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <extracomment>placement and role of a node, e.g. "dedicated · db"</extracomment>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Fresh</source>
            <translation>최신</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>지연</translation>
        </message>
        <message>
            <source>Never reported</source>
            <translation>보고 없음</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>알 수 없음</translation>
        </message>
        <message>
            <source>The node pushed its metrics within the stale threshold.</source>
            <translation>노드가 지연 기준 시간 안에 지표를 보냈습니다.</translation>
        </message>
        <message>
            <source>The node has not pushed its metrics for longer than the stale threshold.</source>
            <translation>노드가 지연 기준 시간보다 오래 지표를 보내지 않았습니다.</translation>
        </message>
        <message>
            <source>The node has never pushed any metrics.</source>
            <translation>노드가 지표를 한 번도 보내지 않았습니다.</translation>
        </message>
        <message>
            <source>Our own last poll failed or is too old; the values shown may be out of date.</source>
            <translation>콘솔의 마지막 조회가 실패했거나 너무 오래되었습니다. 표시된 값은 최신이 아닐 수 있습니다.</translation>
        </message>
        <message>
            <source>%1
Last report: %2</source>
            <translation>%1
마지막 보고: %2</translation>
        </message>
        <message>
            <source>%1
Host: %2
IPv4: %3
Tenant: %4</source>
            <translation>%1
호스트: %2
IPv4: %3
테넌트: %4</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>Placement</source>
            <translation>배치</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Tenants</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>메모리</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>디스크</translation>
        </message>
        <message>
            <source>Last report</source>
            <translation>마지막 보고</translation>
        </message>
        <message>
            <source>Freshness</source>
            <translation>신선도</translation>
        </message>
        <message>
            <source>shared</source>
            <extracomment>node placement: tenants share the node</extracomment>
            <translation>공유</translation>
        </message>
        <message>
            <source>dedicated</source>
            <extracomment>node placement: the node belongs to one tenant</extracomment>
            <translation>전용</translation>
        </message>
        <message>
            <source>provisioning</source>
            <translation>프로비저닝 중</translation>
        </message>
        <message>
            <source>active</source>
            <translation>활성</translation>
        </message>
        <message>
            <source>draining</source>
            <translation>비우는 중</translation>
        </message>
        <message>
            <source>retired</source>
            <translation>퇴역</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <extracomment>the freshness cell read aloud with its mark: "Stale, Silenced"</extracomment>
            <translation>%1, %2</translation>
        </message>
    </context>
    <context>
        <name>prego::Profile</name>
        <message>
            <source>The profile name must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.</source>
            <translation>프로필 이름은 영문자, 숫자, '.', '_', '-'로 된 1–64자이며 영문자나 숫자로 시작해야 합니다.</translation>
        </message>
        <message>
            <source>The control plane address must be a full URL such as https://cp.example.net.</source>
            <translation>제어 플레인 주소는 https://cp.example.net 같은 전체 URL이어야 합니다.</translation>
        </message>
        <message>
            <source>The control plane address must not contain a user name, password, query or fragment.</source>
            <translation>제어 플레인 주소에는 사용자 이름, 비밀번호, 쿼리, 프래그먼트를 넣을 수 없습니다.</translation>
        </message>
        <message>
            <source>Only https is allowed for a control plane that is not on this computer (http is accepted for 127.0.0.1 and localhost only).</source>
            <translation>이 컴퓨터에 있지 않은 제어 플레인에는 https만 허용됩니다(http는 127.0.0.1과 localhost에만 허용).</translation>
        </message>
        <message>
            <source>The poll interval must be between %1 and %2 seconds.</source>
            <translation>폴링 간격은 %1초에서 %2초 사이여야 합니다.</translation>
        </message>
        <message>
            <source>The stale threshold must be between 30 seconds and 24 hours.</source>
            <translation>지연 기준은 30초에서 24시간 사이여야 합니다.</translation>
        </message>
        <message>
            <source>The CA certificate file %1 cannot be read: %2.</source>
            <translation>CA 인증서 파일 %1을(를) 읽을 수 없습니다: %2.</translation>
        </message>
        <message>
            <source>The file %1 does not contain a PEM certificate.</source>
            <translation>파일 %1에 PEM 인증서가 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::ProfileDialog</name>
        <message>
            <source>Edit control plane</source>
            <translation>제어 플레인 편집</translation>
        </message>
        <message>
            <source>Add control plane</source>
            <translation>제어 플레인 추가</translation>
        </message>
        <message>
            <source>A profile names a control plane and how to watch it. The token is kept in the keychain, never in the settings file.</source>
            <translation>프로필은 제어 플레인과 그 감시 방법을 정합니다. 토큰은 설정 파일이 아니라 키체인에 보관합니다.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>이름(&amp;N):</translation>
        </message>
        <message>
            <source>Base &amp;URL:</source>
            <translation>기본 URL(&amp;U):</translation>
        </message>
        <message>
            <source>&amp;Poll interval:</source>
            <translation>조회 간격(&amp;P):</translation>
        </message>
        <message>
            <source>&amp;Stale after:</source>
            <translation>지연 기준(&amp;S):</translation>
        </message>
        <message>
            <source>Extra &amp;CA file:</source>
            <translation>추가 CA 파일(&amp;C):</translation>
        </message>
        <message>
            <source>&amp;Token:</source>
            <translation>토큰(&amp;T):</translation>
        </message>
        <message>
            <source> s</source>
            <translation>초</translation>
        </message>
        <message>
            <source>optional: a PEM certificate trusted for this profile only</source>
            <translation>선택 사항: 이 프로필에서만 신뢰할 PEM 인증서</translation>
        </message>
        <message>
            <source>leave empty to keep the stored token</source>
            <translation>저장된 토큰을 유지하려면 비워 두세요</translation>
        </message>
        <message>
            <source>bearer token</source>
            <translation>Bearer 토큰</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>연결 테스트</translation>
        </message>
        <message>
            <source>Choose a CA certificate</source>
            <translation>CA 인증서 선택</translation>
        </message>
        <message>
            <source>PEM certificates (*.pem *.crt)</source>
            <translation>PEM 인증서 (*.pem *.crt)</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>테스트 중…</translation>
        </message>
    </context>
    <context>
        <name>prego::ProfilePrompts</name>
        <message>
            <source>Welcome to the Prego Operator Console</source>
            <translation>Prego 운영 콘솔에 오신 것을 환영합니다</translation>
        </message>
        <message>
            <source>No control plane is set up yet.</source>
            <translation>아직 설정된 제어 플레인이 없습니다.</translation>
        </message>
        <message>
            <source>Start the demo to try the console on a simulated fleet, or add the control plane you operate.</source>
            <translation>데모를 시작해 시뮬레이션 노드로 콘솔을 체험하거나, 운영 중인 제어 플레인을 추가하세요.</translation>
        </message>
        <message>
            <source>Start the demo</source>
            <translation>데모 시작</translation>
        </message>
        <message>
            <source>Add control plane…</source>
            <translation>제어 플레인 추가…</translation>
        </message>
        <message>
            <source>Remove profile</source>
            <translation>프로필 삭제</translation>
        </message>
        <message>
            <source>Remove profile %1 and the token stored for it? The control plane is not changed.</source>
            <translation>프로필 %1과(와) 저장된 토큰을 삭제할까요? 제어 플레인은 변경되지 않습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::ProfileStore</name>
        <message>
            <source>The settings file %1 could not be written.</source>
            <translation>설정 파일 %1에 쓸 수 없습니다.</translation>
        </message>
        <message>
            <source>The settings file %1 could not be written: %2.</source>
            <translation>설정 파일 %1에 쓸 수 없습니다: %2.</translation>
        </message>
    </context>
    <context>
        <name>prego::ProvisionCommands</name>
        <message>
            <source>Server %1: node %2, %3, %4</source>
            <translation>서버 %1: 노드 %2, %3, %4</translation>
        </message>
        <message>
            <source>Job %1 Completed.</source>
            <translation>작업 %1 완료.</translation>
        </message>
        <message>
            <source>Job %1 Failed in stage %2 (%3): %4. Retry it with 'prego-ctl retry %1 --profile %5'.</source>
            <translation>작업 %1이(가) 단계 %2에서 실패했습니다(%3): %4. 'prego-ctl retry %1 --profile %5'로 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Job %1 ended %2.</source>
            <translation>작업 %1이(가) %2 상태로 끝났습니다.</translation>
        </message>
        <message>
            <source>Give exactly one job id: prego-ctl retry ID --profile NAME.</source>
            <translation>작업 ID를 하나만 지정하세요: prego-ctl retry ID --profile NAME.</translation>
        </message>
        <message>
            <source>Job %1 is retried with the same job id (%2).</source>
            <translation>작업 %1을(를) 같은 작업 ID로 다시 시도합니다(%2).</translation>
        </message>
        <message>
            <source>Unexpected argument %1.</source>
            <translation>예상하지 못한 인수 %1.</translation>
        </message>
        <message>
            <source>Choose exactly one of --target NODE (an existing shared node), --new-server or --dedicated.</source>
            <translation>--target NODE(기존 공유 노드), --new-server, --dedicated 중 정확히 하나를 고르세요.</translation>
        </message>
        <message>
            <source>--job-id wants a UUID.</source>
            <translation>--job-id에는 UUID가 필요합니다.</translation>
        </message>
        <message>
            <source>job %1</source>
            <translation>job %1</translation>
        </message>
        <message>
            <source>Node %1 is in region %2, not %3.</source>
            <translation>노드 %1은(는) %3이 아니라 리전 %2에 있습니다.</translation>
        </message>
        <message>
            <source>prego-ctl: %1: %2</source>
            <translation>prego-ctl: %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>This creates %n new server(s), which cost money. Nothing was sent; run the command again with --yes to go ahead.</source>
            <translation>
                <numerusform>새 서버 %n대를 만들며 비용이 듭니다. 아무것도 보내지 않았습니다. 진행하려면 --yes를 붙여 다시 실행하세요.</numerusform>
            </translation>
        </message>
        <message>
            <source>Job %1 was already known to the control plane (%2); nothing new was created.</source>
            <translation>작업 %1은(는) 이미 제어 플레인에 있습니다(%2). 새로 만든 것은 없습니다.</translation>
        </message>
        <message>
            <source>Job %1 accepted (%2).</source>
            <translation>작업 %1이(가) 수락되었습니다(%2).</translation>
        </message>
        <message>
            <source>
Provisioning commands:
  provision --profile NAME --tenant T (--target NODE | --new-server --region R |
            --dedicated --region R) [--job-id UUID] [--yes] [--wait]
                            submit a provisioning job; --yes is required when
                            servers are created; --wait follows it to the end
  jobs --profile NAME [--status S] [--tenant T] [--output table|json]
                            list jobs, including local ones not yet confirmed
  job ID --profile NAME [--output text|json]
                            show a job and its trace as a timeline
  retry ID --profile NAME [--wait]
                            resume a failed job at its failed stage
  recover --profile NAME    look up and resend jobs that were sent but never
                            answered (every provisioning command does this first)
  verify [--profile NAME] [--report FILE.md] [--run-scenarios
         [--yes-create-infrastructure]]
                            check the Definition of Done (M1-M3, E1-E4) on live
                            data; --run-scenarios first submits E1, E2 and E3 for
                            generated test tenants (operator role) and waits
Exit code 6: the job ended Failed (provision --wait, retry --wait, job).
verify: 0 every check passes, 1 a check fails or lacks data, 2 the control plane
could not be asked (unreachable, unauthorized).
</source>
            <translation>
프로비저닝 명령:
  provision --profile NAME --tenant T (--target NODE | --new-server --region R |
            --dedicated --region R) [--job-id UUID] [--yes] [--wait]
                            프로비저닝 작업을 제출합니다. 서버를 만드는 경우
                            --yes가 필요하며, --wait는 끝날 때까지 따라갑니다
  jobs --profile NAME [--status S] [--tenant T] [--output table|json]
                            아직 확인되지 않은 로컬 작업을 포함해 작업을 나열합니다
  job ID --profile NAME [--output text|json]
                            작업과 추적 기록을 타임라인으로 보여 줍니다
  retry ID --profile NAME [--wait]
                            실패한 작업을 실패한 단계부터 다시 시작합니다
  recover --profile NAME    보냈지만 응답을 받지 못한 작업을 조회하고 다시 보냅니다
                            (모든 프로비저닝 명령이 먼저 이 작업을 합니다)
  verify [--profile NAME] [--report FILE.md] [--run-scenarios
         [--yes-create-infrastructure]]
                            실제 데이터로 완료 정의(M1-M3, E1-E4)를 검사합니다.
                            --run-scenarios는 먼저 생성한 테스트 테넌트로 E1, E2,
                            E3을 제출하고(operator 역할) 끝날 때까지 기다립니다
종료 코드 6: 작업이 실패로 끝났습니다(provision --wait, retry --wait, job).
verify: 0 모든 검사 통과, 1 실패했거나 데이터가 부족한 검사가 있음, 2 제어 플레인에
물어볼 수 없음(연결 불가, 권한 없음).
</translation>
        </message>
    </context>
    <context>
        <name>prego::ProvisionRequest</name>
        <message>
            <source>Enter a tenant id.</source>
            <translation>테넌트 ID를 입력하세요.</translation>
        </message>
        <message>
            <source>A tenant id has 1 to 63 letters, digits, dots, underscores or hyphens and starts with a letter or digit.</source>
            <translation>테넌트 ID는 영문자, 숫자, 점, 밑줄, 하이픈 1~63자이며 영문자나 숫자로 시작합니다.</translation>
        </message>
        <message>
            <source>This tenant id gives an empty stack name.</source>
            <translation>이 테넌트 ID로는 스택 이름이 비게 됩니다.</translation>
        </message>
        <message>
            <source>Choose a region: %1.</source>
            <translation>리전을 고르세요: %1.</translation>
        </message>
        <message>
            <source>%1 is not a known region; choose one of %2.</source>
            <translation>%1은(는) 알 수 없는 리전입니다. %2 중에서 고르세요.</translation>
        </message>
        <message>
            <source>Choose the node that receives the tenant.</source>
            <translation>테넌트를 받을 노드를 고르세요.</translation>
        </message>
        <message>
            <source>A node id has 1 to 63 lowercase letters, digits or hyphens.</source>
            <translation>노드 ID는 영문 소문자, 숫자, 하이픈 1~63자입니다.</translation>
        </message>
        <message>
            <source>Only a tenant on an existing node names a target node.</source>
            <translation>대상 노드는 기존 노드에 테넌트를 둘 때만 지정합니다.</translation>
        </message>
        <message>
            <source>The job id must be a UUID.</source>
            <translation>작업 ID는 UUID여야 합니다.</translation>
        </message>
        <message>
            <source>The trace id must be 32 lowercase hexadecimal digits.</source>
            <translation>추적 ID는 소문자 16진수 32자리여야 합니다.</translation>
        </message>
        <message>
            <source>Place tenant %1 on the existing shared node %2 in %3. No server is created and Pulumi does not run.</source>
            <translation>테넌트 %1을(를) %3의 기존 공유 노드 %2에 배치합니다. 서버를 만들지 않으며 Pulumi를 실행하지 않습니다.</translation>
        </message>
        <message>
            <source>Create one new shared server in %1 with Pulumi stack %2, register it as a node and place tenant %3 on it. The new server costs money.</source>
            <translation>%1에 Pulumi 스택 %2로 새 공유 서버 1대를 만들고 노드로 등록한 뒤 테넌트 %3을(를) 배치합니다. 새 서버에는 비용이 듭니다.</translation>
        </message>
        <message>
            <source>Create three dedicated servers (app, db and redis) for tenant %1 in %2 with Pulumi stack %3. The new servers cost money.</source>
            <translation>테넌트 %1을(를) 위해 %2에 Pulumi 스택 %3으로 전용 서버 3대(app, db, redis)를 만듭니다. 새 서버에는 비용이 듭니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::ProvisionSubmission</name>
        <message>
            <source>Sending job %1 was stopped; it stays in the local jobs database and is looked up again on the next start.</source>
            <translation>작업 %1 전송을 멈췄습니다. 작업은 로컬 작업 데이터베이스에 남아 있으며 다음 시작 때 다시 조회합니다.</translation>
        </message>
        <message>
            <source>Sending job %1…</source>
            <translation>작업 %1 보내는 중…</translation>
        </message>
        <message>
            <source>The outcome of job %1 is unknown: %2 It stays in the local jobs database and is looked up, and resent with the same job id only if the control plane does not know it, on the next start.</source>
            <translation>작업 %1의 결과를 알 수 없습니다: %2 작업은 로컬 작업 데이터베이스에 남아 있으며, 다음 시작 때 조회하여 제어 플레인이 모르는 경우에만 같은 작업 ID로 다시 보냅니다.</translation>
        </message>
        <message>
            <source>unknown — retrying with the same job id</source>
            <translation>알 수 없음 — 같은 작업 ID로 다시 시도 중</translation>
        </message>
    </context>
    <context>
        <name>prego::ProvisionSubmitter</name>
        <message>
            <source>The request is not valid; nothing was sent.</source>
            <translation>요청이 올바르지 않아 아무것도 보내지 않았습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::ProvisionWizard</name>
        <message>
            <source>Letters, digits, '.', '_' and '-'; up to 63 characters.</source>
            <translation>영문자, 숫자, '.', '_', '-'; 최대 63자.</translation>
        </message>
        <message>
            <source>Not a valid tenant id: use 1–63 letters, digits, '.', '_' or '-', starting with a letter or digit.</source>
            <translation>올바른 테넌트 ID가 아닙니다: 영문자나 숫자로 시작하는 영문자, 숫자, '.', '_', '-' 1~63자를 쓰세요.</translation>
        </message>
        <message>
            <source>Stack: %1</source>
            <translation>스택: %1</translation>
        </message>
        <message>
            <source>Sanitized for stacks: %1</source>
            <translation>스택용 정규화: %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Pulumi creates one new shared server in %1 on the region's stack %2. It registers as a node, starts pushing metrics, and the tenant is placed on it. The server costs money.</source>
            <translation>Pulumi가 %1에서 리전 스택 %2에 새 공유 서버 1대를 만듭니다. 서버는 노드로 등록되어 메트릭 푸시를 시작하고, 테넌트가 그 위에 배치됩니다. 서버에는 비용이 듭니다.</translation>
        </message>
        <message>
            <source>Pulumi creates the stack %1 in %2 with three servers for this tenant alone: app, db and redis. The servers cost money.</source>
            <translation>Pulumi가 %2에 이 테넌트 전용 서버 3대(app, db, redis)로 스택 %1을(를) 만듭니다. 서버에는 비용이 듭니다.</translation>
        </message>
        <message numerus="yes">
            <source>Stack %1 already exists among the nodes (%n server(s)). Submitting asks the control plane for it again; it refuses to create a second one.</source>
            <translation>
                <numerusform>스택 %1이(가) 이미 노드 중에 있습니다(서버 %n대). 제출하면 제어 플레인에 다시 요청하며, 제어 플레인은 두 번째 스택을 만들지 않습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Place the tenant on %1 although it has not reported within %2</source>
            <translation>%2 안에 보고하지 않았지만 테넌트를 %1에 배치</translation>
        </message>
        <message>
            <source>Job id %1 · trace id %2</source>
            <translation>작업 ID %1 · 추적 ID %2</translation>
        </message>
        <message numerus="yes">
            <source>I understand that %n new server(s) will be created and billed.</source>
            <translation>
                <numerusform>새 서버 %n대가 만들어지고 비용이 청구된다는 것을 이해했습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation>제출(&amp;S)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Choose the node to place the tenant on.</source>
            <translation>테넌트를 배치할 노드를 고르세요.</translation>
        </message>
        <message>
            <source>%1 has not reported within %2. Choose a fresh node, or confirm that you want this one.</source>
            <translation>%1은(는) %2 안에 보고하지 않았습니다. 최신 노드를 고르거나, 이 노드를 쓰겠다고 확인하세요.</translation>
        </message>
        <message>
            <source>Confirm that new servers may be created.</source>
            <translation>새 서버를 만들어도 된다고 확인하세요.</translation>
        </message>
        <message>
            <source>Submitting job %1…</source>
            <translation>작업 %1 제출 중…</translation>
        </message>
        <message>
            <source>The control plane already had job %1.</source>
            <translation>제어 플레인에 작업 %1이(가) 이미 있었습니다.</translation>
        </message>
        <message>
            <source>Job %1 accepted.</source>
            <translation>작업 %1이(가) 수락되었습니다.</translation>
        </message>
        <message>
            <source>The control plane refused the request; nothing was created. %1</source>
            <translation>제어 플레인이 요청을 거부했습니다. 아무것도 만들지 않았습니다. %1</translation>
        </message>
        <message>
            <source>New provisioning</source>
            <translation>새 프로비저닝</translation>
        </message>
        <message>
            <source>Tenant and path</source>
            <translation>테넌트와 경로</translation>
        </message>
        <message>
            <source>Who the tenant is and where it will run.</source>
            <translation>어떤 테넌트를 어디에서 실행할지 정합니다.</translation>
        </message>
        <message>
            <source>Placement</source>
            <translation>배치</translation>
        </message>
        <message>
            <source>Review and submit</source>
            <translation>검토 및 제출</translation>
        </message>
        <message>
            <source>&amp;Tenant id:</source>
            <translation>테넌트 ID(&amp;T):</translation>
        </message>
        <message>
            <source>e.g. acme-corp</source>
            <translation>예: acme-corp</translation>
        </message>
        <message>
            <source>Tenant id</source>
            <translation>테넌트 ID</translation>
        </message>
        <message>
            <source>Path:</source>
            <translation>경로:</translation>
        </message>
        <message>
            <source>On an &amp;existing shared node</source>
            <translation>기존 공유 노드에(&amp;E)</translation>
        </message>
        <message>
            <source>Adds the tenant to a shared node that is already running. Creates no server; Pulumi does not run.</source>
            <translation>이미 실행 중인 공유 노드에 테넌트를 추가합니다. 서버를 만들지 않으며 Pulumi를 실행하지 않습니다.</translation>
        </message>
        <message>
            <source>On a &amp;new shared node</source>
            <translation>새 공유 노드에(&amp;N)</translation>
        </message>
        <message>
            <source>Pulumi creates one new shared server on the region's stack and places the tenant on it. The new server costs money.</source>
            <translation>Pulumi가 리전 스택에 새 공유 서버 1대를 만들고 테넌트를 배치합니다. 새 서버에는 비용이 듭니다.</translation>
        </message>
        <message>
            <source>On a &amp;dedicated stack</source>
            <translation>전용 스택에(&amp;D)</translation>
        </message>
        <message>
            <source>Pulumi creates three servers (app, db and redis) for this tenant alone, on stack dedicated-{tenant}. The servers cost money.</source>
            <translation>Pulumi가 이 테넌트 전용 서버 3대(app, db, redis)를 스택 dedicated-{테넌트}에 만듭니다. 서버에는 비용이 듭니다.</translation>
        </message>
        <message>
            <source>&amp;Region:</source>
            <translation>리전(&amp;R):</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>&amp;Target node (active shared nodes that accept tenants):</source>
            <translation>대상 노드(&amp;T) (테넌트를 받는 활성 공유 노드):</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Freshness</source>
            <translation>신선도</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>메모리</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>디스크</translation>
        </message>
        <message>
            <source>Tenants</source>
            <translation>테넌트</translation>
        </message>
        <message>
            <source>Target node</source>
            <translation>대상 노드</translation>
        </message>
    </context>
    <context>
        <name>prego::SecretError</name>
        <message>
            <source>No D-Bus session bus is running, so the system keyring cannot be reached. Log in to a desktop session or start one with dbus-run-session; meanwhile you can keep the token for this session only.</source>
            <extracomment>dbus-run-session is a command name; keep it as is.</extracomment>
            <translation>D-Bus 세션 버스가 실행 중이 아니어서 시스템 키링에 연결할 수 없습니다. 데스크톱 세션에 로그인하거나 dbus-run-session으로 세션을 시작하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>No keyring service (Secret Service) is running on the D-Bus session bus. Install and start GNOME Keyring or KWallet; meanwhile you can keep the token for this session only.</source>
            <translation>D-Bus 세션 버스에서 키링 서비스(Secret Service)가 실행 중이 아닙니다. GNOME 키링이나 KWallet을 설치하고 실행하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>The keyring service has no default keyring to store the token in. Create one, for example in Passwords and Keys (Seahorse), and try again; meanwhile you can keep the token for this session only.</source>
            <extracomment>"Passwords and Keys" is GNOME's keyring manager (Seahorse); use its localized name.</extracomment>
            <translation>키링 서비스에 토큰을 저장할 기본 키링이 없습니다. '암호 및 키'(Seahorse) 등에서 키링을 만든 뒤 다시 시도하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>The system keyring is locked, so the token cannot be read or changed. Unlock the keyring and try again; meanwhile you can keep the token for this session only.</source>
            <translation>시스템 키링이 잠겨 있어 토큰을 읽거나 변경할 수 없습니다. 키링 잠금을 해제한 뒤 다시 시도하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>The system keyring refused to save the change to the token. Check that the keyring's files are writable and the disk is not full, then try again; meanwhile you can keep the token for this session only.</source>
            <translation>시스템 키링이 토큰 변경 내용의 저장을 거부했습니다. 키링 파일에 쓸 수 있는지, 디스크가 가득 차지 않았는지 확인한 뒤 다시 시도하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>The system keyring denied this application access to the token. Allow the access and try again; meanwhile you can keep the token for this session only.</source>
            <translation>시스템 키링이 이 애플리케이션의 토큰 접근을 거부했습니다. 접근을 허용한 뒤 다시 시도하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>The system keyring reported an unexpected error. Try again; if it persists, keep the token for this session only and check the keyring service.</source>
            <translation>시스템 키링에서 예기치 않은 오류가 발생했습니다. 다시 시도하고, 오류가 계속되면 토큰을 이번 세션에만 보관한 채 키링 서비스를 점검하세요.</translation>
        </message>
        <message>
            <source>The token operation succeeded.</source>
            <translation>토큰 작업을 완료했습니다.</translation>
        </message>
        <message>
            <source>No token is stored for this profile. Enter the profile's token to store it.</source>
            <translation>이 프로필에 저장된 토큰이 없습니다. 프로필의 토큰을 입력하면 저장됩니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>설정</translation>
        </message>
        <message>
            <source>Desktop</source>
            <translation>데스크톱</translation>
        </message>
        <message>
            <source>Show the fleet's state in the system &amp;tray</source>
            <translation>시스템 트레이에 플릿 상태 표시(&amp;T)</translation>
        </message>
        <message>
            <source>Desktop &amp;notifications when nodes go stale or a job ends</source>
            <translation>노드가 지연되거나 작업이 끝나면 데스크톱 알림(&amp;N)</translation>
        </message>
        <message>
            <source>Notifications are shown by the tray icon.</source>
            <translation>알림은 트레이 아이콘이 표시합니다.</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>모양</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>언어(&amp;L):</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>System language</source>
            <extracomment>Settings → Language: follow the system's language</extracomment>
            <translation>시스템 언어</translation>
        </message>
        <message>
            <source>&amp;Colours:</source>
            <translation>색상(&amp;C):</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>색상</translation>
        </message>
        <message>
            <source>As the system</source>
            <extracomment>Settings → Colours: light or dark as the desktop is</extracomment>
            <translation>시스템 설정대로</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>밝게</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>어둡게</translation>
        </message>
        <message>
            <source>The poll interval and when a node counts as stale belong to each control plane: File → Profiles…</source>
            <translation>조회 간격과 노드를 지연으로 보는 기준은 제어 플레인마다 정합니다: 파일 → 프로필…</translation>
        </message>
    </context>
    <context>
        <name>prego::SilenceCodec</name>
        <message>
            <source>a silence has no silence_id, no valid starts_at or ends_at, or names no node</source>
            <translation>사일런스에 silence_id나 올바른 starts_at 또는 ends_at이 없거나, 노드를 하나도 지정하지 않았습니다</translation>
        </message>
        <message>
            <source>server_time or the silences list is missing</source>
            <translation>server_time 또는 사일런스 목록이 없습니다</translation>
        </message>
    </context>
    <context>
        <name>prego::SilenceCommands</name>
        <message>
            <source>
Maintenance commands (when the control plane offers silences):
  silence NODE… | --region R  --for DURATION | --until TIME  --reason TEXT
          --profile NAME    silence nodes or a region until an end (at most 7 days;
                            DURATION such as 90m, 4h or 1d; TIME in RFC 3339)
  silences --profile NAME [--active] [--output table|json]
                            list silences in force and those ended in 7 days
  unsilence ID --profile NAME
                            end a silence now (ID or its first characters)
Exit code 7: the control plane does not offer this capability.
</source>
            <translation>
유지보수 명령 (제어 플레인이 사일런스를 제공할 때):
  silence NODE… | --region R  --for DURATION | --until TIME  --reason TEXT
          --profile NAME    노드 또는 리전을 종료 시각까지 사일런스합니다 (최대 7일;
                            DURATION 예: 90m, 4h, 1d; TIME은 RFC 3339)
  silences --profile NAME [--active] [--output table|json]
                            적용 중인 사일런스와 7일 안에 끝난 사일런스를 나열합니다
  unsilence ID --profile NAME
                            사일런스를 지금 끝냅니다 (ID 또는 그 앞부분)
종료 코드 7: 제어 플레인이 이 기능을 제공하지 않습니다.
</translation>
        </message>
        <message>
            <source>Name the nodes to silence or give --region R, not both.</source>
            <translation>사일런스할 노드를 지정하거나 --region R을 주십시오. 둘 다는 안 됩니다.</translation>
        </message>
        <message>
            <source>%1 is not a node id.</source>
            <translation>%1은(는) 노드 ID가 아닙니다.</translation>
        </message>
        <message numerus="yes">
            <source>One silence names at most %n node(s).</source>
            <translation>
                <numerusform>사일런스 하나에는 노드를 최대 %n개까지 지정할 수 있습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Give the end: --for DURATION or --until TIME.</source>
            <translation>종료 시각을 주십시오: --for DURATION 또는 --until TIME.</translation>
        </message>
        <message>
            <source>--reason wants a text of 1 to %1 characters.</source>
            <translation>--reason에는 1~%1자의 글이 필요합니다.</translation>
        </message>
        <message>
            <source>--output is text or json.</source>
            <translation>--output은 text 또는 json입니다.</translation>
        </message>
        <message>
            <source>--for wants a duration such as 90m, 4h or 1d, at most 7 days.</source>
            <translation>--for에는 90m, 4h, 1d 같은 기간이 필요합니다 (최대 7일).</translation>
        </message>
        <message>
            <source>--until wants a time such as 2026-12-24T18:00:00Z.</source>
            <translation>--until에는 2026-12-24T18:00:00Z 같은 시각이 필요합니다.</translation>
        </message>
        <message>
            <source>The end %1 is not after the control plane's time %2.</source>
            <translation>종료 시각 %1이(가) 제어 플레인의 시각 %2 이후가 아닙니다.</translation>
        </message>
        <message>
            <source>A silence lasts at most 7 days.</source>
            <translation>사일런스는 최대 7일까지 유지됩니다.</translation>
        </message>
        <message>
            <source>region %1</source>
            <translation>리전 %1</translation>
        </message>
        <message>
            <source>Silence %1 (%2): %3</source>
            <translation>사일런스 %1 (%2): %3</translation>
        </message>
        <message>
            <source>  from %1 until %2, set by %3: %4</source>
            <translation>  %1부터 %2까지, 설정: %3: %4</translation>
        </message>
        <message>
            <source>--output is table or json.</source>
            <translation>--output은 table 또는 json입니다.</translation>
        </message>
        <message>
            <source>SILENCE</source>
            <translation>사일런스</translation>
        </message>
        <message>
            <source>STATE</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>TARGET</source>
            <translation>대상</translation>
        </message>
        <message>
            <source>UNTIL</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>SET BY</source>
            <translation>설정한 사람</translation>
        </message>
        <message>
            <source>REASON</source>
            <translation>사유</translation>
        </message>
        <message numerus="yes">
            <source>%n silence(s)</source>
            <translation>
                <numerusform>사일런스 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Give exactly one silence id: prego-ctl unsilence ID --profile NAME.</source>
            <translation>사일런스 ID를 정확히 하나 주십시오: prego-ctl unsilence ID --profile NAME.</translation>
        </message>
        <message>
            <source>No silence starts with %1.</source>
            <translation>%1(으)로 시작하는 사일런스가 없습니다.</translation>
        </message>
        <message>
            <source>%1 could be %2: give more of the id.</source>
            <translation>%1은(는) %2 중 하나일 수 있습니다. ID를 더 길게 주십시오.</translation>
        </message>
    </context>
    <context>
        <name>prego::SilenceDialog</name>
        <message>
            <source>Choose the region to silence.</source>
            <translation>사일런스를 설정할 리전을 선택하세요.</translation>
        </message>
        <message>
            <source>%1 nodes are selected; a silence names at most %2. Silence their region instead, or fewer nodes.</source>
            <extracomment>%1: how many nodes are selected, %2: the most one silence may name (500)</extracomment>
            <translation>노드가 %1개 선택되었습니다. 사일런스 하나에는 최대 %2개까지 지정할 수 있습니다. 대신 리전에 설정하거나 노드 수를 줄이세요.</translation>
        </message>
        <message>
            <source>Choose when the silence ends.</source>
            <translation>사일런스가 끝나는 시점을 선택하세요.</translation>
        </message>
        <message>
            <source>The end is in the past. Choose a later time.</source>
            <translation>종료 시각이 과거입니다. 더 늦은 시각을 선택하세요.</translation>
        </message>
        <message>
            <source>A silence can last at most 7 days. Choose an earlier end.</source>
            <translation>사일런스는 최대 7일까지 유지됩니다. 더 이른 종료 시각을 선택하세요.</translation>
        </message>
        <message>
            <source>Write a reason: what is planned or expected.</source>
            <translation>사유를 입력하세요: 어떤 작업이 예정되어 있거나 예상되는지.</translation>
        </message>
        <message>
            <source>The reason is %1 characters long; at most %2 are allowed.</source>
            <extracomment>%1: the reason's length, %2: the most allowed (500)</extracomment>
            <translation>사유가 %1자입니다. 최대 %2자까지 입력할 수 있습니다.</translation>
        </message>
        <message>
            <source>Local time, %1 (UTC%2)</source>
            <extracomment>%1: the time zone's name (Europe/Berlin), %2: its offset from UTC (+01:00)</extracomment>
            <translation>현지 시간, %1 (UTC%2)</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Silence</source>
            <translation>사일런스</translation>
        </message>
        <message>
            <source>A silence is shared with every operator of this control plane. Silenced nodes are still monitored and shown, but they do not notify, and the Definition-of-Done check M1 lists them as excused.</source>
            <translation>사일런스는 이 제어 플레인의 모든 운영자와 공유됩니다. 사일런스가 설정된 노드도 계속 모니터링되고 표시되지만 알림을 보내지 않으며, 완료 정의 검사 M1에서 예외로 표시됩니다.</translation>
        </message>
        <message>
            <source>&amp;These nodes:</source>
            <translation>이 노드(&amp;T):</translation>
        </message>
        <message numerus="yes">
            <source>%1 and %n more</source>
            <extracomment>%1: the first node ids, then how many more are silenced</extracomment>
            <translation>
                <numerusform>%1 외 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>A &amp;region:</source>
            <translation>리전(&amp;R):</translation>
        </message>
        <message>
            <source>Choose a region…</source>
            <translation>리전 선택…</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>리전</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>in 1 &amp;hour</source>
            <translation>1시간 후(&amp;H)</translation>
        </message>
        <message>
            <source>in &amp;4 hours</source>
            <translation>4시간 후(&amp;4)</translation>
        </message>
        <message>
            <source>in 1 &amp;day</source>
            <translation>1일 후(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Until:</source>
            <translation>지정 시각(&amp;U):</translation>
        </message>
        <message>
            <source>End date and time, local time</source>
            <translation>종료 날짜와 시각 (현지 시간)</translation>
        </message>
        <message>
            <source>R&amp;eason:</source>
            <translation>사유(&amp;E):</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>사유</translation>
        </message>
        <message>
            <source>e.g. “kernel upgrade on the fsn1 hosts”</source>
            <translation>예: “fsn1 호스트 커널 업그레이드”</translation>
        </message>
        <message>
            <source>Waiting for the control plane…</source>
            <translation>제어 플레인의 응답을 기다리는 중…</translation>
        </message>
        <message>
            <source>&amp;Silence</source>
            <translation>사일런스 설정(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>prego::SilenceIndex</name>
        <message>
            <source>%1 %2</source>
            <extracomment>a moment in local time, then its time zone: "14/03/2026 16:00 CET"</extracomment>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>Silenced until %1: %2</source>
            <extracomment>%1: when the silence ends (local time and zone), %2: the reason given</extracomment>
            <translation>%1까지 사일런스: %2</translation>
        </message>
        <message>
            <source>Silenced by %1 until %2: %3</source>
            <extracomment>%1: who set the silence (a token name), %2: when it ends (local time and zone), %3: the reason given</extracomment>
            <translation>%1이(가) %2까지 사일런스: %3</translation>
        </message>
    </context>
    <context>
        <name>prego::SilenceListModel</name>
        <message>
            <source>Silenced</source>
            <translation>대상</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>사유</translation>
        </message>
        <message>
            <source>Set by</source>
            <translation>설정한 사람</translation>
        </message>
        <message>
            <source>From</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>State</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Active</source>
            <extracomment>a maintenance silence in force now</extracomment>
            <translation>활성</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <extracomment>a maintenance silence that starts later</extracomment>
            <translation>예약됨</translation>
        </message>
        <message>
            <source>Ended early</source>
            <translation>조기 종료</translation>
        </message>
        <message>
            <source>Expired</source>
            <extracomment>a maintenance silence that reached its end</extracomment>
            <translation>만료됨</translation>
        </message>
        <message>
            <source>Region %1</source>
            <translation>리전 %1</translation>
        </message>
        <message numerus="yes">
            <source>%1 and %n more</source>
            <extracomment>%1: the first node ids, then how many more nodes the silence names</extracomment>
            <translation>
                <numerusform>%1 외 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Ended early at %1</source>
            <translation>%1에 조기 종료됨</translation>
        </message>
        <message>
            <source>Set at %1</source>
            <translation>%1에 설정됨</translation>
        </message>
    </context>
    <context>
        <name>prego::SilenceListView</name>
        <message>
            <source>Waiting for the control plane…</source>
            <translation>제어 플레인의 응답을 기다리는 중…</translation>
        </message>
        <message>
            <source>Select an active or scheduled silence.</source>
            <translation>활성 또는 예약된 사일런스를 선택하세요.</translation>
        </message>
        <message>
            <source>End the selected silence now, for every operator.</source>
            <translation>선택한 사일런스를 모든 운영자에 대해 지금 종료합니다.</translation>
        </message>
        <message>
            <source>The silence could not be set: %1</source>
            <extracomment>%1: the control plane's answer</extracomment>
            <translation>사일런스를 설정하지 못했습니다: %1</translation>
        </message>
        <message>
            <source>The silence could not be ended: %1</source>
            <extracomment>%1: the control plane's answer</extracomment>
            <translation>사일런스를 종료하지 못했습니다: %1</translation>
        </message>
        <message>
            <source>This control plane does not offer maintenance silences.</source>
            <translation>이 제어 플레인은 유지보수 사일런스를 제공하지 않습니다.</translation>
        </message>
        <message>
            <source>No maintenance silences in the last 7 days. Select alerts and choose “Silence…” to add one.</source>
            <translation>최근 7일 동안 유지보수 사일런스가 없습니다. 경보를 선택하고 “사일런스…”를 눌러 추가하세요.</translation>
        </message>
        <message>
            <source>&amp;End silence</source>
            <translation>사일런스 종료(&amp;E)</translation>
        </message>
        <message>
            <source>Maintenance silences</source>
            <translation>유지보수 사일런스</translation>
        </message>
    </context>
    <context>
        <name>prego::SilencesPoller</name>
        <message>
            <source>The silences could not be listed: %1</source>
            <translation>사일런스 목록을 가져오지 못했습니다: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::StorageError</name>
        <message>
            <source>the disk is full (%1)</source>
            <translation>디스크가 가득 찼습니다 (%1)</translation>
        </message>
        <message>
            <source>the disk could not be written or read (%1)</source>
            <translation>디스크에 쓰거나 디스크에서 읽을 수 없습니다 (%1)</translation>
        </message>
        <message>
            <source>the file or its folder is read-only (%1)</source>
            <translation>파일 또는 그 폴더가 읽기 전용입니다 (%1)</translation>
        </message>
        <message>
            <source>the folder %1 is read-only</source>
            <translation>%1 폴더가 읽기 전용입니다</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>디스크가 가득 찼습니다</translation>
        </message>
    </context>
    <context>
        <name>prego::TokenDialog</name>
        <message>
            <source>Token for %1</source>
            <translation>%1의 토큰</translation>
        </message>
        <message>
            <source>Paste the bearer token for profile %1. It is kept in the keychain, never in the settings file.</source>
            <translation>프로필 %1의 Bearer 토큰을 붙여 넣으세요. 토큰은 설정 파일이 아니라 키체인에 보관합니다.</translation>
        </message>
        <message>
            <source>bearer token</source>
            <translation>Bearer 토큰</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>토큰</translation>
        </message>
        <message>
            <source>Keep for this session only (forget it when the console quits)</source>
            <translation>이번 세션에만 보관 (콘솔을 끝내면 잊음)</translation>
        </message>
        <message>
            <source>The keychain could not be used: %1
You can keep the token for this session only.</source>
            <translation>키체인을 사용할 수 없습니다: %1
토큰을 이번 세션에만 보관할 수 있습니다.</translation>
        </message>
        <message>
            <source>That does not look like a bearer token (one line, no spaces).</source>
            <translation>Bearer 토큰 형식이 아닙니다(공백 없는 한 줄이어야 합니다).</translation>
        </message>
    </context>
    <context>
        <name>prego::TraceTimeline</name>
        <message>
            <source>%1: %2</source>
            <extracomment>trace tooltip: stage name and its status, e.g. "pulumi_up: running"</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Started %1, finished %2</source>
            <translation>시작 %1, 종료 %2</translation>
        </message>
        <message>
            <source>Took %1</source>
            <translation>소요 %1</translation>
        </message>
        <message>
            <source>Skipped: %1</source>
            <translation>건너뜀: %1</translation>
        </message>
        <message>
            <source>+%1 s</source>
            <extracomment>offset on the trace's time axis, e.g. "+30 s"</extracomment>
            <translation>+%1초</translation>
        </message>
        <message>
            <source>skipped: %1</source>
            <translation>건너뜀: %1</translation>
        </message>
    </context>
    <context>
        <name>prego::Verification</name>
        <message>
            <source>Job %1 for tenant %2: %3</source>
            <extracomment>evidence row: job id, tenant and status</extracomment>
            <translation>테넌트 %2의 작업 %1: %3</translation>
        </message>
        <message>
            <source>Stage %1: %2</source>
            <translation>단계 %1: %2</translation>
        </message>
        <message>
            <source>Stage %1: %2 (%3)</source>
            <translation>단계 %1: %2 (%3)</translation>
        </message>
        <message>
            <source>The jobs could not be listed: %1</source>
            <translation>작업 목록을 가져올 수 없습니다: %1</translation>
        </message>
        <message>
            <source>The jobs could not be listed.</source>
            <translation>작업 목록을 가져올 수 없습니다.</translation>
        </message>
        <message>
            <source>A job of this path is still running.</source>
            <translation>이 경로의 작업이 아직 실행 중입니다.</translation>
        </message>
        <message>
            <source>No job of this path yet.</source>
            <translation>아직 이 경로의 작업이 없습니다.</translation>
        </message>
        <message>
            <source>The latest job of this path Failed in stage %1 (%2): %3</source>
            <translation>이 경로의 최근 작업이 단계 %1에서 실패했습니다 (%2): %3</translation>
        </message>
        <message>
            <source>The latest job of this path ended %1.</source>
            <translation>이 경로의 최근 작업이 %1(으)로 끝났습니다.</translation>
        </message>
        <message>
            <source>Every bound shared node pushed its metrics within the stale threshold</source>
            <translation>대상 공유 노드가 모두 지연 기준 안에 메트릭을 푸시함</translation>
        </message>
        <message>
            <source>CPU, memory, disk and tenant count are reported by every bound node</source>
            <translation>모든 대상 노드가 CPU, 메모리, 디스크, 테넌트 수를 보고함</translation>
        </message>
        <message>
            <source>The nodes endpoint answers with this token</source>
            <translation>이 토큰으로 노드 엔드포인트가 응답함</translation>
        </message>
        <message>
            <source>Existing node: a job Completed without Pulumi, with its DNS outcome and callbacks recorded</source>
            <translation>기존 노드: Pulumi 없이 작업이 완료되고 DNS 결과와 콜백이 기록됨</translation>
        </message>
        <message>
            <source>New shared node: a job Completed and its node is registered and reporting</source>
            <translation>새 공유 노드: 작업이 완료되고 그 노드가 등록되어 보고 중</translation>
        </message>
        <message>
            <source>Dedicated stack: a job Completed on stack dedicated-{tenant} with three servers</source>
            <translation>전용 스택: 스택 dedicated-{테넌트}에서 서버 3대로 작업이 완료됨</translation>
        </message>
        <message>
            <source>Every live node is fresh after the scenarios</source>
            <translation>시나리오 후 모든 운영 중인 노드가 최신</translation>
        </message>
        <message>
            <source>pass</source>
            <translation>통과</translation>
        </message>
        <message>
            <source>fail</source>
            <translation>실패</translation>
        </message>
        <message>
            <source>not evaluable</source>
            <translation>평가 불가</translation>
        </message>
        <message numerus="yes">
            <source>GET /internal/nodes answered with %n node(s).</source>
            <translation>
                <numerusform>GET /internal/nodes가 노드 %n개로 응답했습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>GET /internal/nodes did not answer: %1</source>
            <translation>GET /internal/nodes가 응답하지 않았습니다: %1</translation>
        </message>
        <message>
            <source>The nodes could not be listed.</source>
            <translation>노드 목록을 가져올 수 없습니다.</translation>
        </message>
        <message>
            <source>No shared node is active and accepting tenants.</source>
            <translation>테넌트를 받는 활성 공유 노드가 없습니다.</translation>
        </message>
        <message numerus="yes">
            <source>%1: last push %2 (%n s)</source>
            <translation>
                <numerusform>%1: 마지막 푸시 %2 (%n초)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: never pushed</source>
            <translation>%1: 푸시한 적 없음</translation>
        </message>
        <message numerus="yes">
            <source>All %n bound node(s) pushed within %1.</source>
            <translation>
                <numerusform>대상 노드 %n개가 모두 %1 안에 푸시했습니다.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of %1 bound node(s) did not push within %2.</source>
            <translation>
                <numerusform>대상 노드 %1개 중 %n개가 %2 안에 푸시하지 않았습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: no %2</source>
            <translation>%1: %2 없음</translation>
        </message>
        <message numerus="yes">
            <source>All four values are reported by all %n bound node(s).</source>
            <translation>
                <numerusform>대상 노드 %n개가 모두 네 값을 보고합니다.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bound node(s) leave values empty.</source>
            <translation>
                <numerusform>대상 노드 %n개가 값을 비워 둡니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>it ran pulumi_up</source>
            <translation>pulumi_up을 실행했습니다</translation>
        </message>
        <message>
            <source>no DNS outcome is recorded</source>
            <translation>DNS 결과가 기록되지 않았습니다</translation>
        </message>
        <message>
            <source>no callbacks are recorded</source>
            <translation>콜백이 기록되지 않았습니다</translation>
        </message>
        <message>
            <source>Job %1 placed %2 on %3 without Pulumi.</source>
            <translation>작업 %1이(가) Pulumi 없이 %2을(를) %3에 배치했습니다.</translation>
        </message>
        <message>
            <source>Job %1 Completed, but %2.</source>
            <translation>작업 %1은(는) 완료되었지만 %2.</translation>
        </message>
        <message>
            <source>Job %1 Completed without naming its new server.</source>
            <translation>작업 %1이(가) 새 서버를 밝히지 않고 완료되었습니다.</translation>
        </message>
        <message>
            <source>The nodes could not be listed to find %1.</source>
            <translation>%1을(를) 찾기 위한 노드 목록을 가져올 수 없습니다.</translation>
        </message>
        <message>
            <source>Job %1 Completed, but its node %2 is not registered.</source>
            <translation>작업 %1은(는) 완료되었지만 노드 %2이(가) 등록되지 않았습니다.</translation>
        </message>
        <message>
            <source>%1: registered, last push %2</source>
            <translation>%1: 등록됨, 마지막 푸시 %2</translation>
        </message>
        <message>
            <source>%1: registered, never pushed</source>
            <translation>%1: 등록됨, 푸시한 적 없음</translation>
        </message>
        <message>
            <source>Job %1 Completed and node %2 is registered, but it is not reporting.</source>
            <translation>작업 %1은(는) 완료되고 노드 %2도 등록되었지만 보고하지 않습니다.</translation>
        </message>
        <message>
            <source>Job %1 made node %2, which is registered and reporting.</source>
            <translation>작업 %1이(가) 만든 노드 %2이(가) 등록되어 보고 중입니다.</translation>
        </message>
        <message>
            <source>its stack is %1, not %2</source>
            <translation>스택이 %2이(가) 아니라 %1입니다</translation>
        </message>
        <message>
            <source>%1: %2 server of the stack</source>
            <translation>%1: 스택의 %2 서버</translation>
        </message>
        <message numerus="yes">
            <source>it has %n server(s) (%1) instead of app, db and redis</source>
            <translation>
                <numerusform>app, db, redis 대신 서버가 %n대(%1)입니다</numerusform>
            </translation>
        </message>
        <message>
            <source>Job %1 built stack %2 with app, db and redis.</source>
            <translation>작업 %1이(가) app, db, redis로 스택 %2을(를) 만들었습니다.</translation>
        </message>
        <message>
            <source>E1, E2 and E3 have to pass first.</source>
            <translation>먼저 E1, E2, E3이 통과해야 합니다.</translation>
        </message>
        <message>
            <source>%1: last push %2</source>
            <translation>%1: 마지막 푸시 %2</translation>
        </message>
        <message numerus="yes">
            <source>All %n live node(s) are fresh.</source>
            <translation>
                <numerusform>운영 중인 노드 %n개가 모두 최신입니다.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n live node(s) are not fresh.</source>
            <translation>
                <numerusform>운영 중인 노드 %n개가 최신이 아닙니다.</numerusform>
            </translation>
        </message>
        <message>
            <source># Definition-of-Done verification</source>
            <translation># 완료 정의(DoD) 검증</translation>
        </message>
        <message>
            <source>- Profile: %1 (%2)</source>
            <translation>- 프로필: %1 (%2)</translation>
        </message>
        <message>
            <source>- Evaluated at: %1 (the control plane's clock)</source>
            <translation>- 평가 시각: %1 (제어 플레인 시계)</translation>
        </message>
        <message>
            <source>- Stale threshold: %1</source>
            <translation>- 지연 기준: %1</translation>
        </message>
        <message>
            <source>- Result: %1</source>
            <translation>- 결과: %1</translation>
        </message>
        <message>
            <source>every check passes</source>
            <translation>모든 검사 통과</translation>
        </message>
        <message>
            <source>not every check passes</source>
            <translation>통과하지 못한 검사가 있음</translation>
        </message>
        <message>
            <source>| Check | Result | What it asks | Finding |</source>
            <translation>| 검사 | 결과 | 검사 내용 | 확인 결과 |</translation>
        </message>
        <message>
            <source>%1 — excused: silenced by %2 until %3 (%4)</source>
            <extracomment>%1 is what the node did ("fsn1-shared-07: never pushed"), %2 who set the silence, %3 when it ends (UTC), %4 the reason they gave</extracomment>
            <translation>%1 — 면제: %2이(가) %3까지 사일런스함 (%4)</translation>
        </message>
        <message numerus="yes">
            <source>Every bound node pushed within %1 or is under maintenance: %n excused by a silence.</source>
            <translation>
                <numerusform>모든 대상 노드가 %1 안에 푸시했거나 유지보수 중입니다: %n개는 사일런스로 면제되었습니다.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more excused by a silence.</source>
            <translation>
                <numerusform>%n개는 사일런스로 면제되었습니다.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>prego::VerificationView</name>
        <message>
            <source>Double-click to open node %1.</source>
            <translation>두 번 클릭하면 노드 %1이(가) 열립니다.</translation>
        </message>
        <message>
            <source>Double-click to open job %1.</source>
            <translation>두 번 클릭하면 작업 %1이(가) 열립니다.</translation>
        </message>
        <message>
            <source>Nothing has been evaluated yet.</source>
            <translation>아직 평가한 것이 없습니다.</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>%1에 쓸 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Export verification report</source>
            <translation>검증 보고서 내보내기</translation>
        </message>
        <message>
            <source>Markdown files (*.md)</source>
            <translation>Markdown 파일 (*.md)</translation>
        </message>
        <message>
            <source>The Definition of Done, checked on live data: M1–M3 monitor the fleet, E1–E4 prove the three provisioning paths. Double-click a row under a check to open its node or job.</source>
            <translation>실제 데이터로 검사한 완료 정의입니다. M1–M3은 플릿을 모니터링하고, E1–E4는 세 가지 프로비저닝 경로를 증명합니다. 검사 아래 행을 두 번 클릭하면 해당 노드나 작업이 열립니다.</translation>
        </message>
        <message>
            <source>E&amp;valuate now</source>
            <translation>지금 평가(&amp;V)</translation>
        </message>
        <message>
            <source>E&amp;xport report…</source>
            <translation>보고서 내보내기(&amp;X)…</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>검사</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>결과</translation>
        </message>
        <message>
            <source>What it asks</source>
            <translation>검사 내용</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>확인 결과</translation>
        </message>
        <message>
            <source>Definition-of-Done checks</source>
            <translation>완료 정의 검사</translation>
        </message>
        <message>
            <source>Not evaluated yet.</source>
            <translation>아직 평가하지 않았습니다.</translation>
        </message>
        <message>
            <source>No control plane.</source>
            <translation>제어 플레인이 없습니다.</translation>
        </message>
        <message>
            <source>Evaluated at %1: %2 · %3 · %4</source>
            <extracomment>e.g. "Evaluated at 14:05:12: 5 pass · 1 fail · 1 not evaluable"</extracomment>
            <translation>%1 평가: %2 · %3 · %4</translation>
        </message>
        <message numerus="yes">
            <source>%n pass</source>
            <translation>
                <numerusform>통과 %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fail</source>
            <translation>
                <numerusform>실패 %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not evaluable</source>
            <translation>
                <numerusform>평가 불가 %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Excused</source>
            <extracomment>an evidence row of a node under a maintenance silence, not counted as a failure</extracomment>
            <translation>면제</translation>
        </message>
    </context>
    <context>
        <name>prego::VerifyCommand</name>
        <message>
            <source>No fresh shared node accepts tenants: E1 has no target.</source>
            <translation>테넌트를 받는 최신 공유 노드가 없습니다: E1의 대상이 없습니다.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1: job %2 accepted</source>
            <translation>%1: 작업 %2 수락됨</translation>
        </message>
        <message>
            <source>%1: job %2 ended %3</source>
            <translation>%1: 작업 %2 종료 (%3)</translation>
        </message>
        <message>
            <source>Waiting for node %1 to report…</source>
            <translation>노드 %1의 보고를 기다리는 중…</translation>
        </message>
        <message>
            <source>Unexpected argument %1.</source>
            <translation>예상하지 못한 인수 %1.</translation>
        </message>
        <message>
            <source>--run-scenarios creates real servers on %1 (a new shared node and a dedicated stack of three), which cost money. Nothing was sent; add --yes-create-infrastructure to go ahead.</source>
            <translation>--run-scenarios는 %1에 실제 서버(새 공유 노드 1대와 서버 3대의 전용 스택)를 만들며 비용이 듭니다. 아무것도 보내지 않았습니다. 진행하려면 --yes-create-infrastructure를 붙이세요.</translation>
        </message>
        <message>
            <source>The report could not be written to %1: %2</source>
            <translation>보고서를 %1에 쓸 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Report written to %1.</source>
            <translation>보고서를 %1에 썼습니다.</translation>
        </message>
        <message>
            <source>Every check passes.</source>
            <translation>모든 검사를 통과했습니다.</translation>
        </message>
        <message>
            <source>The checks could not be evaluated: %1</source>
            <translation>검사를 평가할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Not every check passes.</source>
            <translation>통과하지 못한 검사가 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>prego::WindowSpinBox</name>
        <message>
            <source> min</source>
            <extracomment>a window's unit: minutes, after the number</extracomment>
            <translation>분</translation>
        </message>
    </context>
</TS>
