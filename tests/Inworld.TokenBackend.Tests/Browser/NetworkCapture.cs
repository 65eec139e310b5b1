using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using OpenQA.Selenium.Chromium;

namespace Inworld.TokenBackend.Tests.Browser
{
    /// <summary>One request the browser made, as Chromium's DevTools Network events describe it.</summary>
    internal sealed class BrowserRequest(string id)
    {
        public string Id { get; } = id;

        public string Url { get; set; } = string.Empty;

        public string Method { get; set; } = string.Empty;

        public string ResourceType { get; set; } = string.Empty;

        /// <summary>Request headers as sent (the ExtraInfo event's raw headers when present, else the request's).</summary>
        public Dictionary<string, string> RequestHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? PostData { get; set; }

        public bool HasPostData { get; set; }

        public int? Status { get; set; }

        public bool Finished { get; set; }

        /// <summary>The response body as the browser received it (decoded from Base64 when binary); null if not fetched.</summary>
        public byte[]? Body { get; set; }

        public string? BodyError { get; set; }

        public string? Header(string name) => RequestHeaders.TryGetValue(name, out var value) ? value : null;

        public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

        public override string ToString() => $"{Method} {Url} ({ResourceType}, {Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"})";
    }

    /// <summary>
    /// Every request and response of the page, from chromedriver's performance log (DevTools Network events), with
    /// each response body read through <c>Network.getResponseBody</c> while the page is still open.
    /// </summary>
    internal sealed class NetworkCapture
    {
        private NetworkCapture(IReadOnlyList<string> rawEvents, IReadOnlyList<BrowserRequest> requests)
        {
            RawEvents = rawEvents;
            Requests = requests;
        }

        /// <summary>The Network events as JSON text: URLs, headers (raw, cookies included), post data, response headers.</summary>
        public IReadOnlyList<string> RawEvents { get; }

        public IReadOnlyList<BrowserRequest> Requests { get; }

        public static NetworkCapture Collect(ChromiumDriver driver)
        {
            var raw = new List<string>();
            var requests = new Dictionary<string, BrowserRequest>(StringComparer.Ordinal);
            BrowserRequest Request(string id) => requests.TryGetValue(id, out var r) ? r : requests[id] = new BrowserRequest(id);

            foreach (var entry in driver.Manage().Logs.GetLog("performance"))
            {
                var message = JsonNode.Parse(entry.Message)?["message"];
                var method = message?["method"]?.GetValue<string>() ?? string.Empty;
                if (!method.StartsWith("Network.", StringComparison.Ordinal))
                {
                    continue;
                }

                raw.Add(entry.Message);
                var parameters = message!["params"]!;
                var id = parameters["requestId"]?.GetValue<string>();
                if (id is null)
                {
                    continue;
                }

                switch (method)
                {
                    case "Network.requestWillBeSent":
                        var request = Request(id);
                        var sent = parameters["request"]!;
                        request.Url = sent["url"]!.GetValue<string>();
                        request.Method = sent["method"]!.GetValue<string>();
                        request.ResourceType = parameters["type"]?.GetValue<string>() ?? string.Empty;
                        request.PostData = sent["postData"]?.GetValue<string>() ?? request.PostData;
                        request.HasPostData = sent["hasPostData"]?.GetValue<bool>() ?? false;
                        CopyHeaders(sent["headers"], request.RequestHeaders, overwrite: false);
                        break;
                    case "Network.requestWillBeSentExtraInfo":
                        CopyHeaders(parameters["headers"], Request(id).RequestHeaders, overwrite: true);
                        break;
                    case "Network.responseReceived":
                        Request(id).Status = parameters["response"]!["status"]!.GetValue<int>();
                        break;
                    case "Network.loadingFinished":
                        Request(id).Finished = true;
                        break;
                }
            }

            foreach (var request in requests.Values.Where(r => r.Finished))
            {
                request.Body = ReadBody(driver, request, out var error);
                request.BodyError = error;
                if (request.HasPostData && request.PostData is null)
                {
                    request.PostData = ReadPostData(driver, request);
                }
            }

            return new NetworkCapture(raw, requests.Values.Where(r => r.Url.Length > 0).ToList());
        }

        private static void CopyHeaders(JsonNode? headers, Dictionary<string, string> into, bool overwrite)
        {
            if (headers is not JsonObject values)
            {
                return;
            }

            foreach (var (name, value) in values)
            {
                if (overwrite || !into.ContainsKey(name))
                {
                    into[name] = value?.ToString() ?? string.Empty;
                }
            }
        }

        private static byte[]? ReadBody(ChromiumDriver driver, BrowserRequest request, out string? error)
        {
            error = null;
            try
            {
                var result = Cdp(driver, "Network.getResponseBody", request.Id);
                var body = (string)result["body"]!;
                return result.TryGetValue("base64Encoded", out var encoded) && encoded is true ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
            }
            catch (WebDriverException e)
            {
                error = e.Message.Split('\n')[0];
                return null;
            }
        }

        private static Dictionary<string, object?> Cdp(ChromiumDriver driver, string command, string requestId) =>
            driver.ExecuteCdpCommand(command, new Dictionary<string, object?> { ["requestId"] = requestId }) as Dictionary<string, object?>
            ?? throw new WebDriverException(command + " returned no result.");

        private static string? ReadPostData(ChromiumDriver driver, BrowserRequest request)
        {
            try
            {
                var result = Cdp(driver, "Network.getRequestPostData", request.Id);
                return (string?)result["postData"];
            }
            catch (WebDriverException)
            {
                return null;
            }
        }
    }
}
