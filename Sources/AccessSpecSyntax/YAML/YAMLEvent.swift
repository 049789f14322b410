import CYAML

public enum ScalarStyle: String, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One libyaml parse event with its positions converted to 1-based lines and columns.
public struct YAMLEvent: Sendable {
    public enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        case documentStart(implicit: Bool)
        case documentEnd(implicit: Bool)
        case mappingStart(flow: Bool)
        case mappingEnd
        case sequenceStart(flow: Bool)
        case sequenceEnd
        case scalar(String, ScalarStyle)
        case alias(String)
    }

    public var kind: Kind
    public var anchor: String?
    /// The tag as written and resolved by libyaml (e.g. `tag:yaml.org,2002:str`), nil when implicit.
    public var tag: String?
    public var start: SourceLocation
    public var end: SourceLocation
}

/// What libyaml could not read, and where.
public struct YAMLSyntaxError: Error, Sendable {
    public enum Stage: Sendable { case reader, scanner, parser, other }
    public var stage: Stage
    public var problem: String
    public var location: SourceLocation
    public var context: String?
    public var contextLocation: SourceLocation?
}

/// A pull over libyaml's event API. The bytes are handed to libyaml as they are, forced to
/// UTF-8 so that UTF-16 or broken input is reported instead of guessed at.
public enum YAMLEventReader {
    /// Calls `body` for every event until the stream ends, `body` returns false, or libyaml
    /// reports a problem, which is returned.
    @discardableResult
    public static func read(
        _ file: SourceFile, _ body: (YAMLEvent) -> Bool
    ) -> YAMLSyntaxError? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return YAMLSyntaxError(stage: .other, problem: "libyaml could not start", location: .init(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let skipped = file.textStart
        return file.bytes.withUnsafeBufferPointer { buffer -> YAMLSyntaxError? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress.map { $0 + skipped }, buffer.count - skipped)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return syntaxError(parser, file, skipped: skipped)
                }
                let converted = convert(event)
                let isEnd = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                guard body(converted), !isEnd else { return nil }
            }
        }
    }

    private static func convert(_ event: yaml_event_t) -> YAMLEvent {
        let start = location(event.start_mark)
        let end = location(event.end_mark)
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        var tag: UnsafeMutablePointer<yaml_char_t>?
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT:
            kind = .streamStart
        case YAML_STREAM_END_EVENT:
            kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart(implicit: event.data.document_start.implicit != 0)
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd(implicit: event.data.document_end.implicit != 0)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            anchor = data.anchor
            tag = data.tag
            kind = .mappingStart(flow: data.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            anchor = data.anchor
            tag = data.tag
            kind = .sequenceStart(flow: data.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            anchor = data.anchor
            tag = data.tag
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            kind = .scalar(value, style(data.style))
        case YAML_ALIAS_EVENT:
            kind = .alias(string(event.data.alias.anchor) ?? "")
        default:
            kind = .streamEnd
        }
        return YAMLEvent(kind: kind, anchor: string(anchor), tag: string(tag), start: start, end: end)
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func syntaxError(_ parser: yaml_parser_t, _ file: SourceFile, skipped: Int) -> YAMLSyntaxError {
        let problem = string(UnsafeMutablePointer(mutating: parser.problem.map { UnsafeRawPointer($0).assumingMemoryBound(to: yaml_char_t.self) })) ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        switch parser.error {
        case YAML_READER_ERROR:
            return YAMLSyntaxError(
                stage: .reader, problem: problem,
                location: file.location(ofByteOffset: parser.problem_offset + skipped)
            )
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            return YAMLSyntaxError(
                stage: parser.error == YAML_SCANNER_ERROR ? .scanner : .parser,
                problem: problem,
                location: location(parser.problem_mark),
                context: context,
                contextLocation: context == nil ? nil : location(parser.context_mark)
            )
        default:
            return YAMLSyntaxError(stage: .other, problem: problem, location: location(parser.problem_mark))
        }
    }
}
