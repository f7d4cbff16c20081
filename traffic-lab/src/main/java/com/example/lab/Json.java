package com.example.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * 실험실에 필요한 만큼만의 JSON 도우미입니다(라이브러리 없이).
 *
 * <p>부하를 낼 때 메시지마다 트리를 만들면 실험실 쪽 CPU가 먼저 바닥나므로, 필요한 필드 몇 개만 문자열에서 바로 꺼냅니다. 서버(Jackson)는 한글을 이스케이프하지
 * 않고 UTF-8 그대로 씁니다.
 */
final class Json {

  private Json() {}

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code "name":"value"} 의 value(이스케이프를 푼 문자열), 없으면 null. from부터 찾습니다. */
  static String string(String json, String name, int from) {
    int at = json.indexOf("\"" + name + "\"", from);
    if (at < 0) {
      return null;
    }
    int colon = json.indexOf(':', at + name.length() + 2);
    int quote = json.indexOf('"', colon + 1);
    if (colon < 0 || quote < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    readString(json, quote, out);
    return out.toString();
  }

  static String string(String json, String name) {
    return string(json, name, 0);
  }

  /** {@code "name":123} 의 숫자, 없으면 -1. */
  static long number(String json, String name, int from) {
    int at = json.indexOf("\"" + name + "\"", from);
    if (at < 0) {
      return -1;
    }
    int i = json.indexOf(':', at) + 1;
    while (i < json.length() && json.charAt(i) == ' ') {
      i++;
    }
    long value = 0;
    boolean any = false;
    while (i < json.length() && Character.isDigit(json.charAt(i))) {
      value = value * 10 + (json.charAt(i++) - '0');
      any = true;
    }
    return any ? value : -1;
  }

  /** {@code "name":[...]} 의 배열을 글자 그대로, 없으면 {@code "[]"}. 참여자 목록처럼 문자열만 든 배열에 씁니다. */
  static String array(String json, String name) {
    int at = json.indexOf("\"" + name + "\"");
    int open = at < 0 ? -1 : json.indexOf('[', at);
    if (open < 0) {
      return "[]";
    }
    for (int i = open + 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        i = skipString(json, i);
      } else if (c == ']') {
        return json.substring(open, i + 1);
      }
    }
    return "[]";
  }

  /** 최상위 배열 {@code [{...},{...}]}을 객체 문자열 목록으로 자릅니다(문자열 안의 괄호는 건너뜁니다). */
  static List<String> objects(String array) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < array.length(); i++) {
      char c = array.charAt(i);
      if (c == '"') {
        i = skipString(array, i);
      } else if (c == '{') {
        if (depth++ == 0) {
          start = i;
        }
      } else if (c == '}' && --depth == 0) {
        out.add(array.substring(start, i + 1));
      }
    }
    return out;
  }

  /** SockJS의 {@code a["...","..."]} 같은 문자열 배열을 풉니다. */
  static List<String> strings(String array) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.length(); i++) {
      if (array.charAt(i) == '"') {
        StringBuilder text = new StringBuilder();
        i = readString(array, i, text);
        out.add(text.toString());
      }
    }
    return out;
  }

  /** 여는 따옴표 위치에서 문자열을 읽어 out에 붙이고, 닫는 따옴표 위치를 돌려줍니다. */
  private static int readString(String json, int quote, StringBuilder out) {
    int i = quote + 1;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        char e = json.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
      i++;
    }
    return i;
  }

  private static int skipString(String json, int quote) {
    int i = quote + 1;
    while (i < json.length() && json.charAt(i) != '"') {
      if (json.charAt(i) == '\\') {
        i++;
      }
      i++;
    }
    return i;
  }
}
