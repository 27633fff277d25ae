namespace Matcher.OpenAI; internal static class Placeholder;
