"""`accessc lsp` driven end to end by a real LSP client (pytest-lsp, on pygls and lsprotocol),
as an editor drives it: initialize, didOpen, didChange, publishDiagnostics, hover, definition,
references, completion, documentSymbol, codeAction, shutdown and exit. Each test works on its
own copy of the example workspace (specs/), so nothing in the repository changes.

The server is the `accessc` binary named by ACCESSC, else .build/debug/accessc of the package.
"""
import os
import shutil

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed (pip install pytest-lsp)")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ACCESSC = os.environ.get("ACCESSC") or os.path.join(PACKAGE, ".build", "debug", "accessc")
if not os.access(ACCESSC, os.X_OK):
    pytest.skip(f"no accessc binary at {ACCESSC} (swift build --product accessc, or set ACCESSC)", allow_module_level=True)

pytestmark = pytest.mark.asyncio


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "specs"
    shutil.copytree(os.path.join(PACKAGE, "specs"), root)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[os.path.abspath(ACCESSC), "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    lsp_client.initialize_result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="specs")]))
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()
    # `exit` after `shutdown` ends the server with status 0.
    assert lsp_client._server.returncode == 0


def uri(client, relative):
    return (client.workspace_root / relative).as_uri()


def text(client, relative):
    return (client.workspace_root / relative).read_text(encoding="utf-8")


def utf16_length(string):
    return len(string.encode("utf-16-le")) // 2


async def open_file(client, relative, content=None):
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri(client, relative), language_id="yaml", version=1, text=text(client, relative) if content is None else content)))
    return await diagnostics_for(client, relative)


async def diagnostics_for(client, relative):
    """Waits for the next diagnostics of the file and returns them."""
    target = uri(client, relative)
    while True:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if target in client.diagnostics:
            return list(client.diagnostics.pop(target))


def replace_whole(client, relative, version, content):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(client, relative), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=content)]))


def replace_range(client, relative, version, line, start, end, new_text):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(client, relative), version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end)), text=new_text)]))


def position_of(content, needle, offset=0):
    """The LSP position (UTF-16) of the first occurrence of needle, moved `offset` characters in."""
    for number, line in enumerate(content.split("\n")):
        if needle in line:
            return types.Position(line=number, character=utf16_length(line[:line.index(needle) + offset]))
    raise AssertionError(f"{needle!r} is not in the text")


# A type whose field names an unknown type after Chinese text and an emoji on the same line.
PROBE = "  LspProbe:\n    fields:\n      note: { description: 健康检查😀, type: HealthQeury }\n"


async def test_initialize_advertises_what_the_server_does(client):
    capabilities = client.initialize_result.capabilities
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider and capabilities.definition_provider and capabilities.references_provider
    assert capabilities.completion_provider and capabilities.document_symbol_provider
    assert list(capabilities.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]
    assert await open_file(client, "anhui.yaml") == []


async def test_a_broken_contract_gets_located_diagnostics_and_an_edit_that_fixes_it_clears_them(client):
    content = text(client, "anhui.yaml").replace("\ntypes:\n", "\ntypes:\n" + PROBE, 1)
    diagnostics = await open_file(client, "anhui.yaml", content)
    assert [d.code for d in diagnostics] == ["S002"]
    (diagnostic,) = diagnostics
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert "HealthQeury" in diagnostic.message
    start = position_of(content, "HealthQeury")
    # The range covers the type expression exactly, counted in UTF-16 after "健康检查😀".
    assert diagnostic.range.start == start
    assert diagnostic.range.end == types.Position(line=start.line, character=start.character + len("HealthQeury"))

    replace_range(client, "anhui.yaml", 2, start.line, start.character, start.character + len("HealthQeury"), "HealthQuery")
    assert await diagnostics_for(client, "anhui.yaml") == []


async def test_an_edit_in_a_shared_types_file_updates_the_files_that_import_it(client):
    assert await open_file(client, "anhui.yaml") == []
    shared = text(client, "common/types.yaml")
    assert await open_file(client, "common/types.yaml") == []

    replace_whole(client, "common/types.yaml", 2, shared.replace("\n  HealthQuery:\n", "\n  HealthQueryRenamed:\n", 1))
    importer = await diagnostics_for(client, "anhui.yaml")
    assert "S002" in [d.code for d in importer]
    assert any(d.range.start.line == position_of(text(client, "anhui.yaml"), "request: HealthQuery").line for d in importer)

    replace_whole(client, "common/types.yaml", 3, shared)
    assert await diagnostics_for(client, "anhui.yaml") == []


async def test_hover_on_a_type_reference_shows_its_declaration(client):
    content = text(client, "anhui.yaml")
    await open_file(client, "anhui.yaml")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), position=position_of(content, "HealthQuery", 3)))
    assert hover is not None
    assert "HealthQuery:" in hover.contents.value and "common/types.yaml" in hover.contents.value


async def test_hover_on_a_diagnostic_explains_its_code(client):
    content = text(client, "anhui.yaml").replace("\ntypes:\n", "\ntypes:\n" + PROBE, 1)
    await open_file(client, "anhui.yaml", content)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), position=position_of(content, "HealthQeury", 2)))
    assert "S002" in hover.contents.value and "a type name refers to no declared type" in hover.contents.value


async def definition(client, relative, needle, offset=1):
    content = text(client, relative)
    return await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, relative)), position=position_of(content, needle, offset)))


def single_location(result):
    assert result is not None
    return result[0] if isinstance(result, list) else result


async def test_definition_goes_to_the_type_the_error_and_the_platform_and_operation_named(client):
    for relative in ["anhui.yaml", "icbc-mobile.yaml"]:
        await open_file(client, relative)
    types_file = text(client, "common/types.yaml")

    location = single_location(await definition(client, "anhui.yaml", "request: HealthQuery", len("request: ")))
    assert location.uri == uri(client, "common/types.yaml")
    assert location.range.start == position_of(types_file, "HealthQuery:")

    location = single_location(await definition(client, "anhui.yaml", "errors: [INVALID_TOKEN", len("errors: [")))
    assert location.uri == uri(client, "common/types.yaml") and location.range.start == position_of(types_file, "INVALID_TOKEN:")

    location = single_location(await definition(client, "anhui.yaml", "to: national", len("to: ")))
    assert location.uri == uri(client, "national.yaml")
    assert location.range.start == position_of(text(client, "national.yaml"), "national", 0)

    location = single_location(await definition(client, "icbc-mobile.yaml", "shandong.identity.getLoginPage", 12))
    assert location.uri == uri(client, "shandong.yaml")
    assert location.range.start == position_of(text(client, "shandong.yaml"), "id: getLoginPage", len("id: "))

    location = single_location(await definition(client, "anhui.yaml", "imports: [common/types.yaml", len("imports: [")))
    assert location.uri == uri(client, "common/types.yaml")


async def test_references_find_every_use_of_a_shared_type_across_the_workspace(client):
    content = text(client, "common/types.yaml")
    await open_file(client, "common/types.yaml")
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "common/types.yaml")), position=position_of(content, "HealthQuery:", 2),
        context=types.ReferenceContext(include_declaration=False)))
    users = {r.uri for r in references}
    for platform in ["anhui", "hefei", "icbc-mobile", "national", "samr", "shandong"]:
        assert uri(client, f"{platform}.yaml") in users
    anhui = text(client, "anhui.yaml")
    assert any(r.uri == uri(client, "anhui.yaml") and r.range.start == position_of(anhui, "HealthQuery") for r in references)


async def test_references_of_a_platform_include_connections_to_it(client):
    content = text(client, "national.yaml")
    await open_file(client, "national.yaml")
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "national.yaml")), position=position_of(content, "id: national", 5),
        context=types.ReferenceContext(include_declaration=True)))
    assert uri(client, "anhui.yaml") in {r.uri for r in references}
    assert uri(client, "national.yaml") in {r.uri for r in references}


async def test_completion_offers_the_type_names_a_file_can_use(client):
    content = text(client, "anhui.yaml")
    await open_file(client, "anhui.yaml")
    start = position_of(content, "request: HealthQuery", len("request: "))
    replace_range(client, "anhui.yaml", 2, start.line, start.character, start.character + len("HealthQuery"), "Heal")
    await diagnostics_for(client, "anhui.yaml")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")),
        position=types.Position(line=start.line, character=start.character + 4)))
    labels = {item.label for item in result.items}
    assert {"HealthQuery", "ImplementationListPush", "string", "resident-id"} <= labels
    item = next(item for item in result.items if item.label == "HealthQuery")
    assert item.text_edit.range.start == start


async def test_completion_offers_error_names_in_an_operations_errors(client):
    content = text(client, "anhui.yaml")
    await open_file(client, "anhui.yaml")
    position = position_of(content, "errors: [INTERNAL]", len("errors: ["))
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), position=position))
    labels = {item.label for item in result.items}
    assert {"INVALID_TOKEN", "INTERNAL"} <= labels and "HealthQuery" not in labels


async def test_document_symbols_outline_areas_operations_and_types(client):
    await open_file(client, "anhui.yaml")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml"))))
    names = [symbol.name for symbol in symbols]
    assert names[0] == "anhui" and "operations" in names and "ImplementationListPush" in names
    area = next(symbol for symbol in symbols if symbol.name == "operations")
    assert "getHealth" in [child.name for child in area.children]


async def test_a_code_action_applies_the_compilers_fix_it_for_a_misspelt_key(client):
    content = text(client, "anhui.yaml")
    await open_file(client, "anhui.yaml")
    start = position_of(content, "summaryEn: Health check")
    replace_range(client, "anhui.yaml", 2, start.line, start.character, start.character + len("summaryEn"), "sumaryEn")
    (diagnostic,) = await diagnostics_for(client, "anhui.yaml")
    assert diagnostic.code == "L001"

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    (action,) = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    (edit,) = action.edit.changes[uri(client, "anhui.yaml")]
    assert edit.new_text == "summaryEn" and edit.range == diagnostic.range

    replace_range(client, "anhui.yaml", 3, edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.new_text)
    assert await diagnostics_for(client, "anhui.yaml") == []


async def test_completion_offers_the_keys_of_the_mapping_and_the_words_of_a_choice(client):
    content = text(client, "anhui.yaml")
    assert "\nplatform:\n" in content
    # A new, empty line in the platform header: the header's keys, from the compiler's key tables.
    edited = content.replace("\nplatform:\n", "\nplatform:\n  \n", 1)
    await open_file(client, "anhui.yaml", edited)
    line = edited[:edited.index("\nplatform:\n") + len("\nplatform:\n")].count("\n")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), position=types.Position(line=line, character=2)))
    labels = {item.label for item in result.items}
    assert {"id", "name", "nameEn", "level", "region", "operator", "environments", "network"} <= labels, labels
    assert "protocol" not in labels
    # After `level: `, the levels.
    level = position_of(edited, "level: provincial", len("level: "))
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), position=level))
    assert {"national", "provincial", "municipal", "county", "departmental", "third-party"} <= {item.label for item in result.items}


async def test_hover_on_a_key_shows_what_it_means(client):
    content = text(client, "anhui.yaml")
    await open_file(client, "anhui.yaml")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(client, "anhui.yaml")), position=position_of(content, "uscc:", 1)))
    assert hover is not None and "unified social credit code" in hover.contents.value


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[os.path.abspath(ACCESSC), "lsp"]))
async def zh_client(lsp_client: LanguageClient, workspace):
    lsp_client.initialize_result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri(), locale="zh-CN",
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="specs")]))
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()


async def test_a_chinese_client_reads_hover_in_chinese(zh_client):
    content = text(zh_client, "anhui.yaml").replace("\ntypes:\n", "\ntypes:\n" + PROBE, 1)
    await open_file(zh_client, "anhui.yaml", content)
    hover = await zh_client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(zh_client, "anhui.yaml")), position=position_of(content, "HealthQeury", 2)))
    assert "S002" in hover.contents.value and "类型名未指向任何已声明的类型" in hover.contents.value, hover.contents.value
    key = await zh_client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(zh_client, "anhui.yaml")), position=position_of(content, "uscc:", 1)))
    assert "统一社会信用代码" in key.contents.value


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[os.path.abspath(ACCESSC), "lsp"]))
async def zh_cn_client(lsp_client: LanguageClient, workspace):
    lsp_client.initialize_result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri(), locale="zh-cn",
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="specs")]))
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()


async def test_a_chinese_client_gets_diagnostics_and_quick_fixes_in_chinese(zh_cn_client):
    content = text(zh_cn_client, "anhui.yaml").replace("\ntypes:\n", "\ntypes:\n" + PROBE, 1)
    (diagnostic,) = await open_file(zh_cn_client, "anhui.yaml", content)
    assert diagnostic.code == "S002"
    assert diagnostic.message.startswith("未知的类型“HealthQeury”"), diagnostic.message
    assert "unknown type" not in diagnostic.message
    actions = await zh_cn_client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(zh_cn_client, "anhui.yaml")), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    titles = [a.title for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert titles == ["是否应为“HealthQuery”？"], titles


async def test_a_file_outside_every_workspace_is_checked_alone(client):
    # Outside the workspace folder and under no accessspec.yaml: the server reads this one file,
    # never its folder (which could be / or a home directory).
    stray = client.workspace_root.parent / "stray.yaml"
    content = "accessSpec: 1\ntypes:\n  A: {fieldz: {}}\n"
    stray.write_text(content, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=stray.as_uri(), language_id="yaml", version=1, text=content)))
    while stray.as_uri() not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    published = client.diagnostics[stray.as_uri()]
    assert [d.code for d in published] == ["L001"], published
