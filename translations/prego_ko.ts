<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
</context>
<context>
    <name>prego::ApiCall</name>
    <message>
        <source>certificate for %1 issued by %2, valid until %3, SHA-256 %4</source>
        <translation>%1의 인증서, 발급자 %2, 만료 %3, SHA-256 %4</translation>
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
        <source>This token&apos;s role may not do this (403). %1</source>
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
        <source>Usage: prego-ctl [--lang ko|en] COMMAND [OPTIONS]

Commands:
  profiles add NAME --url URL [--poll-interval S] [--stale-after S] [--ca-file F]
  profiles list
  profiles remove NAME
  login --profile NAME      read a token from standard input and keep it in the keychain
  logout --profile NAME     remove the profile&apos;s token from the keychain
  whoami --profile NAME     show the token&apos;s name and role
  nodes --profile NAME [--output table|json]
                            list nodes with their freshness and age

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
  whoami --profile 이름     토큰 이름과 역할 표시
  nodes --profile 이름 [--output table|json]
                            노드 목록과 신선도, 경과 시간 표시

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
        <source>Name a profile with --profile NAME.</source>
        <translation>--profile 이름 으로 프로필을 지정하세요.</translation>
    </message>
    <message>
        <source>There is no profile named %1; see &apos;prego-ctl profiles list&apos;.</source>
        <translation>%1(이)라는 프로필이 없습니다. &apos;prego-ctl profiles list&apos;를 확인하세요.</translation>
    </message>
    <message>
        <source>No token is stored for profile %1. Run &apos;prego-ctl login --profile %1&apos; first.</source>
        <translation>프로필 %1에 저장된 토큰이 없습니다. 먼저 &apos;prego-ctl login --profile %1&apos;을 실행하세요.</translation>
    </message>
    <message>
        <source>Token (input hidden): </source>
        <translation>토큰(입력 내용은 표시되지 않음): </translation>
    </message>
    <message>
        <source>Unknown command %1; see &apos;prego-ctl --help&apos;.</source>
        <translation>알 수 없는 명령 %1입니다. &apos;prego-ctl --help&apos;를 확인하세요.</translation>
    </message>
    <message>
        <source>No profiles yet. Add one with &apos;prego-ctl profiles add NAME --url URL&apos;.</source>
        <translation>아직 프로필이 없습니다. &apos;prego-ctl profiles add 이름 --url URL&apos;로 추가하세요.</translation>
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
        <source>Use &apos;profiles add&apos;, &apos;profiles list&apos; or &apos;profiles remove&apos;.</source>
        <translation>&apos;profiles add&apos;, &apos;profiles list&apos;, &apos;profiles remove&apos; 중 하나를 사용하세요.</translation>
    </message>
    <message>
        <source>Give exactly one profile name: prego-ctl profiles add NAME --url URL.</source>
        <translation>프로필 이름을 하나만 지정하세요: prego-ctl profiles add 이름 --url URL</translation>
    </message>
    <message>
        <source>Give the control plane&apos;s address with --url URL.</source>
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
        <source>The control plane&apos;s answer could not be read: %1</source>
        <translation>제어 플레인의 응답을 읽을 수 없습니다: %1</translation>
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
</context>
<context>
    <name>prego::Profile</name>
    <message>
        <source>The profile name must be 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>프로필 이름은 영문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;로 된 1–64자이며 영문자나 숫자로 시작해야 합니다.</translation>
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
    <name>prego::ProfileStore</name>
    <message>
        <source>The settings file %1 could not be written.</source>
        <translation>설정 파일 %1에 쓸 수 없습니다.</translation>
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
        <extracomment>&quot;Passwords and Keys&quot; is GNOME&apos;s keyring manager (Seahorse); use its localized name.</extracomment>
        <translation>키링 서비스에 토큰을 저장할 기본 키링이 없습니다. &apos;암호 및 키&apos;(Seahorse) 등에서 키링을 만든 뒤 다시 시도하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>The system keyring is locked, so the token cannot be read or changed. Unlock the keyring and try again; meanwhile you can keep the token for this session only.</source>
        <translation>시스템 키링이 잠겨 있어 토큰을 읽거나 변경할 수 없습니다. 키링 잠금을 해제한 뒤 다시 시도하세요. 그동안 토큰을 이번 세션에만 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>The system keyring refused to save the change to the token. Check that the keyring&apos;s files are writable and the disk is not full, then try again; meanwhile you can keep the token for this session only.</source>
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
        <source>No token is stored for this profile. Enter the profile&apos;s token to store it.</source>
        <translation>이 프로필에 저장된 토큰이 없습니다. 프로필의 토큰을 입력하면 저장됩니다.</translation>
    </message>
</context>
</TS>
