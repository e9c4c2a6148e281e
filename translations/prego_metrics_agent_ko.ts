<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AgentLog</name>
    <message>
        <location filename="../agent/agentlog.cpp" line="45"/>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location filename="../agent/agentlog.cpp" line="48"/>
        <source>error: %1</source>
        <translation>오류: %1</translation>
    </message>
</context>
<context>
    <name>AgentOptions</name>
    <message>
        <location filename="../agent/agentoptions.cpp" line="34"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="35"/>
        <source>Control plane base URL. https is required, except for loopback hosts (127.0.0.0/8, ::1, localhost).</source>
        <translation>제어 플레인 기본 URL. 루프백 호스트(127.0.0.0/8, ::1, localhost)가 아니면 https를 써야 합니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="37"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="38"/>
        <source>This node&apos;s id as registered on the control plane (1 to 63 characters of a-z, 0-9 and -).</source>
        <translation>제어 플레인에 등록된 이 노드의 ID(a-z, 0-9, -로 된 1~63자).</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="40"/>
        <location filename="../agent/agentoptions.cpp" line="43"/>
        <location filename="../agent/agentoptions.cpp" line="54"/>
        <source>FILE</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="41"/>
        <source>File holding the agent token. It must be a regular file that only its owner can read (chmod 600).</source>
        <translation>에이전트 토큰이 든 파일. 소유자만 읽을 수 있는 일반 파일이어야 합니다(chmod 600).</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="44"/>
        <source>Extra CA certificates (PEM) to trust for the control plane&apos;s TLS certificate.</source>
        <translation>제어 플레인의 TLS 인증서를 검증할 때 추가로 신뢰할 CA 인증서(PEM).</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="46"/>
        <location filename="../agent/agentoptions.cpp" line="51"/>
        <source>SECONDS</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="47"/>
        <source>Seconds between pushes (default 60, at least 5).</source>
        <translation>전송 간격(초). 기본값 60, 최소 5.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="49"/>
        <source>Collect and push once, then exit with one of the exit codes below.</source>
        <translation>한 번만 수집해 전송한 뒤 아래 종료 코드 중 하나로 끝냅니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="52"/>
        <source>Seconds a request may go without progress before it is abandoned (default 15).</source>
        <translation>요청이 진행 없이 이 시간(초)을 넘기면 중단합니다. 기본값 15.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="55"/>
        <source>Read tenant_count from this file (a non-negative integer).</source>
        <translation>이 파일에서 tenant_count를 읽습니다(0 이상의 정수).</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="57"/>
        <source>COMMAND</source>
        <translation>명령</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="58"/>
        <source>Run this command with /bin/sh -c (at most 10 seconds) and read tenant_count from its output.</source>
        <translation>이 명령을 /bin/sh -c로 실행하고(최대 10초) 그 출력에서 tenant_count를 읽습니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="60"/>
        <location filename="../agent/agentoptions.cpp" line="63"/>
        <source>DIR</source>
        <translation>디렉터리</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="61"/>
        <source>Read the proc files from this directory (default /proc).</source>
        <translation>proc 파일을 이 디렉터리에서 읽습니다. 기본값 /proc.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="64"/>
        <source>Report the use of the filesystem holding this path (default /).</source>
        <translation>이 경로가 있는 파일 시스템의 사용률을 보고합니다. 기본값 /.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="67"/>
        <source>Language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).</source>
        <translation>메시지 언어. 기본값은 LC_ALL, LC_MESSAGES, LANG 설정을 따릅니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="69"/>
        <source>Show this help and exit.</source>
        <translation>이 도움말을 보여 주고 끝냅니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="70"/>
        <source>Show the version and exit.</source>
        <translation>버전을 보여 주고 끝냅니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="126"/>
        <source>--url must not contain a user name or password; the token file is the only credential</source>
        <translation>--url에 사용자 이름이나 비밀번호를 넣을 수 없습니다. 자격 증명은 토큰 파일로만 전달합니다</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="132"/>
        <source>--url &quot;%1&quot; is not an http(s) URL such as https://cp.example.net</source>
        <translation>--url &quot;%1&quot;은(는) https://cp.example.net 같은 http(s) URL이 아닙니다</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="136"/>
        <source>--url &quot;%1&quot; must not have a query or fragment</source>
        <translation>--url &quot;%1&quot;에는 쿼리나 프래그먼트를 넣을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="140"/>
        <source>--url &quot;%1&quot; uses plain http, which would send the token unencrypted; use https (plain http is only allowed for 127.0.0.0/8, ::1 and localhost)</source>
        <translation>--url &quot;%1&quot;은(는) 암호화되지 않은 http라서 토큰이 평문으로 전송됩니다. https를 쓰세요(평문 http는 127.0.0.0/8, ::1, localhost에만 허용됩니다)</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="155"/>
        <source>Usage: %1 --url URL --node-id ID --token-file FILE [options]</source>
        <translation>사용법: %1 --url URL --node-id ID --token-file 파일 [옵션]</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="158"/>
        <source>Collects this node&apos;s CPU, memory and root filesystem use and pushes them to the Prego control plane, every --interval seconds or once with --once.</source>
        <translation>이 노드의 CPU, 메모리, 루트 파일 시스템 사용률을 수집해 Prego 제어 플레인으로 전송합니다. --interval 초마다 전송하며, --once를 주면 한 번만 전송합니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="160"/>
        <source>The token is read only from --token-file, never from the command line.</source>
        <translation>토큰은 --token-file에서만 읽으며, 명령줄로는 받지 않습니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="161"/>
        <source>Options:</source>
        <translation>옵션:</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="179"/>
        <source>Exit codes:</source>
        <translation>종료 코드:</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="180"/>
        <source>the metrics were pushed (--once), or --help/--version was shown</source>
        <translation>메트릭 전송 성공(--once), 또는 --help/--version 표시</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="181"/>
        <source>usage or configuration error (options, token file, CA file)</source>
        <translation>사용법 또는 설정 오류(옵션, 토큰 파일, CA 파일)</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="183"/>
        <source>the control plane refused the push: token rejected (401), token not allowed for this node (403), node not registered (404), invalid metrics (422) or another refusal</source>
        <translation>제어 플레인이 전송을 거부함: 토큰 거부(401), 이 노드에 허용되지 않은 토큰(403), 등록되지 않은 노드(404), 유효하지 않은 메트릭(422), 기타 거부</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="187"/>
        <source>the control plane could not be reached or stayed unavailable after the retries (network, TLS, 429, 5xx)</source>
        <translation>재시도한 뒤에도 제어 플레인에 연결할 수 없거나 계속 응답할 수 없는 상태(네트워크, TLS, 429, 5xx)</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="202"/>
        <source>there is no --token option: the token is read only from a file (--token-file) so it never appears in command lines</source>
        <translation>--token 옵션은 없습니다. 토큰이 명령줄에 드러나지 않도록 파일(--token-file)에서만 읽습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/agentoptions.cpp" line="232"/>
        <source>unexpected arguments (%n); every setting is an option (see --help)</source>
        <translation>
            <numerusform>예상하지 못한 인수가 %n개 있습니다. 모든 설정은 옵션으로 지정합니다(--help 참고)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="239"/>
        <source>--lang must be &quot;en&quot; or &quot;ko&quot;, not &quot;%1&quot;</source>
        <translation>--lang에는 &quot;en&quot; 또는 &quot;ko&quot;만 쓸 수 있습니다(&quot;%1&quot;은(는) 쓸 수 없습니다)</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="244"/>
        <source>--%1 is required (see --help)</source>
        <translation>--%1 옵션이 필요합니다(--help 참고)</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="255"/>
        <source>--node-id &quot;%1&quot; is not a node id: use 1 to 63 characters of a-z, 0-9 and -</source>
        <translation>--node-id &quot;%1&quot;은(는) 올바른 노드 ID가 아닙니다. a-z, 0-9, -로 된 1~63자를 쓰세요</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="274"/>
        <source>--interval must be a whole number of seconds from %1 to %2</source>
        <translation>--interval은 %1에서 %2 사이의 정수(초)여야 합니다</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="284"/>
        <source>--timeout must be a whole number of seconds from 1 to %1</source>
        <translation>--timeout은 1에서 %1 사이의 정수(초)여야 합니다</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="294"/>
        <source>--proc-root and --root-path must not be empty</source>
        <translation>--proc-root와 --root-path는 비워 둘 수 없습니다</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="299"/>
        <source>--tenant-count-file and --tenant-count-cmd cannot be used together</source>
        <translation>--tenant-count-file과 --tenant-count-cmd는 함께 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>CpuTimes</name>
    <message>
        <location filename="../agent/cputimes.cpp" line="24"/>
        <source>the &quot;cpu&quot; line has a field that is not a number: &quot;%1&quot;</source>
        <translation>&quot;cpu&quot; 줄에 숫자가 아닌 필드가 있습니다: &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/cputimes.cpp" line="31"/>
        <source>the &quot;cpu&quot; line has too few counters (%n); at least 4 are needed</source>
        <translation>
            <numerusform>&quot;cpu&quot; 줄의 카운터가 너무 적습니다(%n개). 최소 4개가 필요합니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/cputimes.cpp" line="40"/>
        <source>the &quot;cpu&quot; line&apos;s counters add up to more than 64 bits</source>
        <translation>&quot;cpu&quot; 줄의 카운터 합계가 64비트를 넘습니다</translation>
    </message>
    <message>
        <location filename="../agent/cputimes.cpp" line="47"/>
        <source>there is no aggregate &quot;cpu&quot; line</source>
        <translation>전체 합계인 &quot;cpu&quot; 줄이 없습니다</translation>
    </message>
</context>
<context>
    <name>DiskUsage</name>
    <message>
        <location filename="../agent/diskusage.cpp" line="28"/>
        <source>cannot query the filesystem of %1: %2</source>
        <translation>%1의 파일 시스템 정보를 조회할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>MemoryUsage</name>
    <message>
        <location filename="../agent/memoryusage.cpp" line="31"/>
        <source>the &quot;%1&quot; line is missing or not a number</source>
        <translation>&quot;%1&quot; 줄이 없거나 값이 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../agent/memoryusage.cpp" line="37"/>
        <source>MemTotal is 0</source>
        <translation>MemTotal이 0입니다</translation>
    </message>
</context>
<context>
    <name>MetricsEndpoint</name>
    <message>
        <location filename="../agent/metricsendpoint.cpp" line="28"/>
        <source>cannot read the CA file %1: %2</source>
        <translation>CA 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../agent/metricsendpoint.cpp" line="32"/>
        <source>the CA file %1 contains no PEM certificate</source>
        <translation>CA 파일 %1에 PEM 인증서가 없습니다</translation>
    </message>
    <message>
        <location filename="../agent/metricsendpoint.cpp" line="38"/>
        <source>TLS is not available on this system (no usable TLS backend was found), so the https URL cannot be used</source>
        <translation>이 시스템에서는 TLS를 쓸 수 없어(사용 가능한 TLS 백엔드가 없음) https URL을 사용할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>PushResult</name>
    <message>
        <location filename="../agent/pushresult.cpp" line="44"/>
        <source>%1 (%2)</source>
        <extracomment>%1 the server&apos;s message, %2 the fields it refused</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="67"/>
        <source>; the control plane says: %1</source>
        <extracomment>Appended to refusal messages; %1 is the server&apos;s own text</extracomment>
        <translation>. 제어 플레인 응답: %1</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="74"/>
        <source>the control plane answered HTTP %1 with a redirect to &quot;%2&quot;; redirects are not followed so the token never goes to another address: check --url</source>
        <translation>제어 플레인이 HTTP %1로 &quot;%2&quot;에 리디렉션했습니다. 토큰이 다른 주소로 가지 않도록 리디렉션은 따르지 않습니다. --url을 확인하세요</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="79"/>
        <source>the control plane rejected the token (HTTP 401): check the token file (--token-file) holds a valid agent token</source>
        <translation>제어 플레인이 토큰을 거부했습니다(HTTP 401). 토큰 파일(--token-file)에 유효한 에이전트 토큰이 들어 있는지 확인하세요</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="84"/>
        <source>this token may not push metrics for node %1 (HTTP 403): agent tokens can be bound to one node, so check that the token was issued for this node</source>
        <translation>이 토큰으로는 노드 %1의 메트릭을 전송할 수 없습니다(HTTP 403). 에이전트 토큰은 노드 하나에 묶일 수 있으니, 이 노드용으로 발급된 토큰인지 확인하세요</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="89"/>
        <source>node %1 is not registered on the control plane (HTTP 404): register it first, or check --node-id and --url%2</source>
        <translation>노드 %1이(가) 제어 플레인에 등록되어 있지 않습니다(HTTP 404). 노드를 먼저 등록하거나 --node-id와 --url을 확인하세요%2</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="95"/>
        <source>the control plane refused the metrics as invalid (HTTP 422)%1</source>
        <translation>제어 플레인이 메트릭이 유효하지 않다며 거부했습니다(HTTP 422)%1</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="100"/>
        <source>the control plane is limiting requests (HTTP 429)%1</source>
        <translation>제어 플레인이 요청을 제한하고 있습니다(HTTP 429)%1</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="101"/>
        <source>the control plane is unavailable (HTTP %1)%2</source>
        <translation>제어 플레인이 응답할 수 없는 상태입니다(HTTP %1)%2</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="105"/>
        <source>the control plane refused the push (HTTP %1)%2</source>
        <translation>제어 플레인이 전송을 거부했습니다(HTTP %1)%2</translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="120"/>
        <source>the TLS certificate of %1 is not trusted: %2; if the control plane uses a private CA, pass it with --ca-file</source>
        <translation>%1의 TLS 인증서를 신뢰할 수 없습니다: %2. 제어 플레인이 사설 CA를 쓴다면 --ca-file로 지정하세요</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/pushresult.cpp" line="129"/>
        <source>no answer from %1 within %n s</source>
        <translation>
            <numerusform>%n초 안에 %1에서 응답이 없습니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/pushresult.cpp" line="133"/>
        <source>cannot reach the control plane at %1: %2</source>
        <translation>제어 플레인(%1)에 연결할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <location filename="../agent/agentoptions.cpp" line="17"/>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>알 수 없는 옵션 &apos;%1&apos;입니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="18"/>
        <source>Unknown options: %1.</source>
        <translation>알 수 없는 옵션: %1.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="19"/>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 뒤에 값이 없습니다.</translation>
    </message>
    <message>
        <location filename="../agent/agentoptions.cpp" line="20"/>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 뒤에 예상하지 못한 값이 있습니다.</translation>
    </message>
</context>
<context>
    <name>SystemReader</name>
    <message>
        <location filename="../agent/systemreader.cpp" line="27"/>
        <source>cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="37"/>
        <source>%1 is empty</source>
        <translation>%1이(가) 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="45"/>
        <source>CPU use unknown: %1</source>
        <translation>CPU 사용률을 알 수 없음: %1</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="49"/>
        <source>CPU use unknown: %1: %2</source>
        <translation>CPU 사용률을 알 수 없음: %1: %2</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="58"/>
        <source>memory use unknown: %1</source>
        <translation>메모리 사용률을 알 수 없음: %1</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="62"/>
        <source>memory use unknown: %1: %2</source>
        <translation>메모리 사용률을 알 수 없음: %1: %2</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="71"/>
        <source>disk use unknown: %1</source>
        <translation>디스크 사용률을 알 수 없음: %1</translation>
    </message>
    <message>
        <location filename="../agent/systemreader.cpp" line="75"/>
        <source>disk use unknown: the filesystem of %1 reports no usable size</source>
        <translation>디스크 사용률을 알 수 없음: %1의 파일 시스템이 쓸 수 있는 크기를 보고하지 않습니다</translation>
    </message>
</context>
<context>
    <name>TenantCountSource</name>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="72"/>
        <source>no tenant count policy is configured, so tenant_count is sent as null; the Definition of Done asks for an explicit policy: use --tenant-count-file or --tenant-count-cmd</source>
        <translation>테넌트 수 정책이 설정되지 않아 tenant_count를 null로 보냅니다. 완료 기준(Definition of Done)은 명시적인 정책을 요구하니 --tenant-count-file 또는 --tenant-count-cmd를 쓰세요</translation>
    </message>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="87"/>
        <source>tenant count unknown: cannot read %1: %2; sending null</source>
        <translation>테넌트 수를 알 수 없음: %1을(를) 읽을 수 없습니다: %2. null로 보냅니다</translation>
    </message>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="93"/>
        <source>tenant count unknown: %1 does not contain a non-negative integer (found &quot;%2&quot;); sending null</source>
        <translation>테넌트 수를 알 수 없음: %1에 0 이상의 정수가 없습니다(&quot;%2&quot;). null로 보냅니다</translation>
    </message>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="108"/>
        <source>tenant count unknown: the command could not be started: %1; sending null</source>
        <translation>테넌트 수를 알 수 없음: 명령을 시작할 수 없습니다: %1. null로 보냅니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/tenantcountsource.cpp" line="117"/>
        <source>tenant count unknown: the command did not finish within %n s and was stopped; sending null</source>
        <translation>
            <numerusform>테넌트 수를 알 수 없음: 명령이 %n초 안에 끝나지 않아 중지했습니다. null로 보냅니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="122"/>
        <source>tenant count unknown: the command crashed; sending null</source>
        <translation>테넌트 수를 알 수 없음: 명령이 비정상적으로 종료되었습니다. null로 보냅니다</translation>
    </message>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="126"/>
        <source>tenant count unknown: the command exited with status %1 (&quot;%2&quot;); sending null</source>
        <translation>테넌트 수를 알 수 없음: 명령이 종료 상태 %1(&quot;%2&quot;)로 끝났습니다. null로 보냅니다</translation>
    </message>
    <message>
        <location filename="../agent/tenantcountsource.cpp" line="133"/>
        <source>tenant count unknown: the command printed &quot;%1&quot; instead of a non-negative integer; sending null</source>
        <translation>테넌트 수를 알 수 없음: 명령이 0 이상의 정수 대신 &quot;%1&quot;을(를) 출력했습니다. null로 보냅니다</translation>
    </message>
</context>
<context>
    <name>TokenFile</name>
    <message>
        <location filename="../agent/tokenfile.cpp" line="102"/>
        <source>no token file given (--token-file)</source>
        <translation>토큰 파일이 지정되지 않았습니다(--token-file)</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="111"/>
        <source>token file %1 does not exist</source>
        <translation>토큰 파일 %1이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="113"/>
        <source>cannot open token file %1: %2</source>
        <translation>토큰 파일 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="118"/>
        <source>cannot inspect token file %1: %2</source>
        <translation>토큰 파일 %1의 상태를 확인할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="121"/>
        <source>token file %1 is not a regular file</source>
        <translation>토큰 파일 %1이(가) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="126"/>
        <source>token file %1 is readable by other users (its ACL grants read access to a group, other users or everyone); remove the ACL with &quot;setfacl -b %1&quot; and make it private with &quot;chmod 600 %1&quot;</source>
        <translation>토큰 파일 %1을(를) 다른 사용자가 읽을 수 있습니다(ACL이 그룹, 다른 사용자 또는 모두에게 읽기 권한을 줍니다). &quot;setfacl -b %1&quot;로 ACL을 지우고 &quot;chmod 600 %1&quot;로 소유자만 읽게 하세요</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="134"/>
        <source>token file %1 is readable by other users (mode %2); make it private with &quot;chmod 600 %1&quot;</source>
        <translation>토큰 파일 %1을(를) 다른 사용자가 읽을 수 있습니다(권한 %2). &quot;chmod 600 %1&quot;로 소유자만 읽게 하세요</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="140"/>
        <source>token file %1 is too large to hold a token (%2 bytes)</source>
        <translation>토큰 파일 %1이(가) 토큰 파일로 보기에는 너무 큽니다(%2바이트)</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="153"/>
        <source>cannot read token file %1: %2</source>
        <translation>토큰 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="162"/>
        <source>token file %1 is empty</source>
        <translation>토큰 파일 %1이(가) 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../agent/tokenfile.cpp" line="168"/>
        <source>token file %1 must contain only the token: one line of printable ASCII characters without spaces</source>
        <translation>토큰 파일 %1에는 토큰만 있어야 합니다. 공백 없이 출력 가능한 ASCII 문자로 된 한 줄이어야 합니다</translation>
    </message>
</context>
<context>
    <name>prego::agent::Agent</name>
    <message numerus="yes">
        <location filename="../agent/agent.cpp" line="55"/>
        <source>pushing metrics for node %1 to %2 every %n s</source>
        <translation>
            <numerusform>노드 %1의 메트릭을 %n초마다 %2(으)로 전송합니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="128"/>
        <source>%1%</source>
        <extracomment>A percentage, e.g. &quot;37.5%&quot;</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="130"/>
        <location filename="../agent/agent.cpp" line="134"/>
        <source>unknown</source>
        <extracomment>A metric value that could not be read</extracomment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="132"/>
        <source>CPU %1, memory %2, disk %3, tenants %4</source>
        <translation>CPU %1, 메모리 %2, 디스크 %3, 테넌트 %4</translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="143"/>
        <source>metrics pushed for node %1: %2</source>
        <translation>노드 %1의 메트릭을 전송했습니다: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/agent.cpp" line="147"/>
        <location filename="../agent/agent.cpp" line="175"/>
        <source>push failed after %n attempts: %1</source>
        <translation>
            <numerusform>%n번 시도했지만 전송에 실패했습니다: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="149"/>
        <location filename="../agent/agent.cpp" line="177"/>
        <source>push failed: %1</source>
        <translation>전송 실패: %1</translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="158"/>
        <source>pushes work again after one failed push</source>
        <translation>전송이 한 번 실패한 뒤 다시 성공했습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/agent.cpp" line="161"/>
        <source>pushes work again after %n failed pushes</source>
        <translation>
            <numerusform>전송이 %n번 실패한 뒤 다시 성공했습니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/agent.cpp" line="163"/>
        <source>first metrics pushed for node %1: %2</source>
        <translation>노드 %1의 첫 메트릭을 전송했습니다: %2</translation>
    </message>
</context>
<context>
    <name>prego::agent::PushJob</name>
    <message>
        <location filename="../agent/pushjob.cpp" line="33"/>
        <source>the network is no longer available</source>
        <translation>네트워크를 더 이상 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>prego::agent::RetryingPushJob</name>
    <message numerus="yes">
        <location filename="../agent/retryingpushjob.cpp" line="67"/>
        <source>%1; it asked to be retried in %n s, later than this push can wait</source>
        <translation>
            <numerusform>%1. 제어 플레인이 %n초 뒤에 다시 시도하라고 했지만, 이번 전송이 기다릴 수 있는 시간보다 깁니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/retryingpushjob.cpp" line="88"/>
        <source>no answer from the control plane before the next push was due</source>
        <translation>다음 전송 시각이 될 때까지 제어 플레인의 응답이 없었습니다</translation>
    </message>
</context>
</TS>
